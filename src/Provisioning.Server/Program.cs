using Provisioning.Server.Hosting;

if (ServerCommandLine.Answer(args, Console.Out) is { } answered)
{
    return answered;
}

try
{
    var app = ProvisioningServer.Build(args);
    await ProvisioningServer.StartAsync(app);
    await app.WaitForShutdownAsync();
    // Disposes the store after the last request: the SQLite writer drains its queue and checkpoints the WAL.
    await app.DisposeAsync();
    // 0 after a requested stop; a part that has to stop the server sets a non-zero code first, so a supervisor that
    // restarts on failure restarts it.
    return Environment.ExitCode;
}
#pragma warning disable CA1031 // Whatever stops the start is the operator's to fix: one clear line and a non-zero exit.
catch (Exception e)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync(StartupFailure.Describe(e, args));
    return 1;
}
