using Provisioning.Server.Hosting;

try
{
    var app = ProvisioningServer.Build(args);
    await ProvisioningServer.StartAsync(app);
    await app.WaitForShutdownAsync();
    // Disposes the store after the last request: the SQLite writer drains its queue and checkpoints the WAL.
    await app.DisposeAsync();
    return 0;
}
#pragma warning disable CA1031 // Whatever stops the start is the operator's to fix: one clear line and a non-zero exit.
catch (Exception e)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync(StartupFailure.Describe(e, args));
    return 1;
}
