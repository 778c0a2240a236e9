using Provisioning.Server.Hosting;

var app = ProvisioningServer.Build(args);
await ProvisioningServer.StartAsync(app);
await app.WaitForShutdownAsync();
