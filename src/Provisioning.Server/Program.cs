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
    // 0 after a requested stop; a part that has to stop the server sets a non-zero code first, so a supervisor that
    // restarts on failure restarts it.
    return Environment.ExitCode;
}
catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
{
    // Configuration and start-up problems (bad settings, port in use, unreachable database) are the operator's to
    // fix: one clear line and a non-zero exit, not a stack trace.
    await Console.Error.WriteLineAsync($"provisioning: cannot start: {e.Message}");
    return 1;
}
