using Provisioning.Cli;

return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, Interactive: !Console.IsOutputRedirected), CancellationToken.None);
