using System.Globalization;
using System.Net;
using Provisioning.Bench.Ceiling;

// The benchmark's ceiling: Kestrel alone, answering every POST with the server's exact createExtension OK bytes.
// Whatever the server reaches is compared with this, measured in the same run on the same machine.
// The one argument is the port; 0 (the default) lets the system choose.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});
var app = builder.Build();
app.Run(FixedAnswer.WriteAsync);
await app.StartAsync();
// The runner waits for this line and reads the port from it.
Console.WriteLine($"Ceiling listening on {app.Urls.First()}/");
await app.WaitForShutdownAsync();
