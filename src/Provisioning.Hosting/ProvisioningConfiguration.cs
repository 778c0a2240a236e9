using Microsoft.Extensions.Configuration;

namespace Provisioning.Hosting;

/// <summary>
/// The configuration sources a host without ASP.NET's builder reads, in the server's order of precedence:
/// appsettings.json in the working directory, then environment variables (Provisioning__Storage__ConnectionString),
/// then --Provisioning:… arguments.
/// </summary>
public static class ProvisioningConfiguration
{
    public static IConfigurationRoot Build(IReadOnlyList<string> settingArguments) =>
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settingArguments])
            .Build();
}
