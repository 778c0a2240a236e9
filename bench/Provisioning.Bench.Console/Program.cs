using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// usage: Provisioning.Bench.Console BASE_URL EID LOGIN PASSWORD REQUESTS PATH...
// Signs in on BASE_URL/console/signin, then requests each PATH (under /console) REQUESTS times after a warm-up and
// prints one Markdown row per page: median, p99 and worst milliseconds from request to the last byte. A page that does
// not answer 200 exits 1.
if (args.Length < 6)
{
    Console.Error.WriteLine("usage: Provisioning.Bench.Console BASE_URL EID LOGIN PASSWORD REQUESTS PATH...");
    return 2;
}
var (baseUrl, eid, login, password) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
var requests = int.Parse(args[4], CultureInfo.InvariantCulture);
using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
var signIn = await client.GetStringAsync(new Uri(baseUrl + "/console/signin"));
var token = Regex.Match(signIn, "name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = token, ["eid"] = eid, ["login"] = login, ["password"] = password }))
using (var answer = await client.PostAsync(new Uri(baseUrl + "/console/signin"), form))
{
    if (answer.StatusCode != HttpStatusCode.Redirect)
    {
        Console.Error.WriteLine($"sign-in answered {(int)answer.StatusCode}");
        return 1;
    }
}
Console.WriteLine("| page | requests | median ms | p99 ms | worst ms | KiB |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var path in args[5..])
{
    var uri = new Uri(baseUrl + "/console" + path);
    var times = new double[requests];
    long bytes = 0;
    for (var i = -Math.Min(10, requests); i < requests; i++)
    {
        var clock = Stopwatch.StartNew();
        using var answer = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
        var body = await answer.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"{path} answered {(int)answer.StatusCode}");
            return 1;
        }
        if (i >= 0)
        {
            times[i] = elapsed;
            bytes = body.Length;
        }
    }
    Array.Sort(times);
    var p99 = times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.99) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{path}` | {requests} | {times[times.Length / 2]:0.0} | {p99:0.0} | {times[^1]:0.0} | {bytes / 1024.0:0} |"));
}
return 0;
