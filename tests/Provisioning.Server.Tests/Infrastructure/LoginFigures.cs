using System.Globalization;
using System.Text.RegularExpressions;
using Provisioning.Core.Security;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// What became of requestToken attempts (the provisioning.logins metric): passwords checked right or wrong, refused
/// unchecked by the throttle, turned away because too many hashes ran.
/// </summary>
public sealed partial record LoginFigures(long Right, long Wrong, long Refused, long Busy)
{
    public static LoginFigures Of(LoginCounts counts) => new(counts.Right, counts.Wrong, counts.Refused, counts.Busy);

    /// <summary>The figures from a server's Prometheus text at <paramref name="metrics"/>.</summary>
    public static async Task<LoginFigures> ScrapeAsync(HttpClient http, Uri metrics)
    {
        var text = await http.GetStringAsync(metrics);
        long Read(string outcome) => Outcomes().Matches(text).Where(m => m.Groups[1].Value == outcome)
            .Select(m => (long)double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).SingleOrDefault();
        return new LoginFigures(Read("right"), Read("wrong"), Read("refused"), Read("busy"));
    }

    public static LoginFigures operator +(LoginFigures a, LoginFigures b) => new(a.Right + b.Right, a.Wrong + b.Wrong, a.Refused + b.Refused, a.Busy + b.Busy);

    public static LoginFigures operator -(LoginFigures a, LoginFigures b) => new(a.Right - b.Right, a.Wrong - b.Wrong, a.Refused - b.Refused, a.Busy - b.Busy);

    public override string ToString() => $"{Wrong} wrong and {Right} right passwords checked, {Refused} refused unchecked, {Busy} turned away busy";

    [GeneratedRegex("^provisioning_logins_total\\{[^}]*outcome=\"(\\w+)\"[^}]*\\} (\\S+)", RegexOptions.Multiline)]
    private static partial Regex Outcomes();
}
