using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Provisioning.Core.Security;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// The operators' web console under /console/ on the management listener: Razor Pages rendered on the server, signed in
/// by a cookie that carries a token issued by requestToken's own path (<see cref="ConsoleSession"/>).
/// </summary>
internal static class ConsoleSetup
{
    public const string PathPrefix = "/console";
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Bounds an uploaded CSV: the import reads it as it goes, but the request is buffered to a temporary file first.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static void AddConsole(IServiceCollection services, TokenOptions tokens)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/WebConsole/Pages";
            // Every page lives under /console; the folder layout gives the rest of its path.
            options.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    var template = selector.AttributeRouteModel!.Template;
                    selector.AttributeRouteModel.Template = string.IsNullOrEmpty(template) ? "console" : "console/" + template;
                }
            });
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/SignIn");
        }).ConfigureApplicationPartManager(parts =>
        {
            // The pages are this assembly's, whichever program hosts it (a test host is the entry assembly in tests).
            parts.ApplicationParts.Clear();
            var assembly = typeof(ConsoleSetup).Assembly;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                parts.ApplicationParts.Add(part);
            }
        });
        // Form actions the pages generate are spelled as the links are: /console/extensions/edit/7.
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "provisioning-console";
            cookie.Cookie.Path = PathPrefix;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle sign-out: the cookie lapses after the token's idle timeout without a request; the token itself
            // (checked on every request) lapses the same way, so neither outlives the other.
            cookie.ExpireTimeSpan = tokens.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = PathPrefix + "/signin";
            cookie.LogoutPath = PathPrefix + "/signout";
            cookie.AccessDeniedPath = PathPrefix + "/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.EventsType = typeof(ConsoleSession);
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "provisioning-console-form";
            options.Cookie.Path = PathPrefix;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__form";
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "provisioning-console-notice";
            options.Cookie.Path = PathPrefix;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Keys for the cookies live in memory: a restart signs operators out (their tokens stay valid for the API), and
        // no key is written to disk unencrypted. The management listener belongs to one instance, so nothing else reads them.
        services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddScoped<ConsoleSession>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<OverviewCounts>();
    }

    /// <summary>Runs the console's own pipeline for requests under /console on the management listener.</summary>
    public static void Map(WebApplication app, Func<HttpContext, bool> isManagement) =>
        app.MapWhen(
            context => isManagement(context) && context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.Ordinal),
            console =>
            {
                console.Use(SecurityHeadersAsync);
                console.Use(ConsoleAssets.ServeAsync);
                console.UseRouting();
                console.UseAuthentication();
                console.UseAuthorization();
                console.UseEndpoints(endpoints => endpoints.MapRazorPages());
            });

    /// <summary>
    /// No inline script or style (every page uses /console/assets only), no framing, no referrer outside, nothing cached:
    /// a page may show a user's data after its operator signed out.
    /// </summary>
    private static Task SecurityHeadersAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // As anti-forgery sets them on every page with a form; set here, it has nothing to override (and nothing to log).
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body && context.Request.Path.StartsWithSegments(PathPrefix + "/extensions/import", StringComparison.Ordinal))
        {
            body.MaxRequestBodySize = MaxUploadBytes;
        }
        return next(context);
    }
}
