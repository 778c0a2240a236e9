using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Server.Tests.Recorders;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Clients;

/// <summary>
/// Clients that standard SOAP toolkits build from the served <c>?wsdl</c> (tests/clients) obtain a token, create, get
/// and list an extension, apply the configuration, create and list a storage policy, read the v3 statistics and release
/// the token, with no hand edits of the WSDL or of generated code. A toolkit that
/// is not installed skips its test locally and fails it when CI=true (.ci/run installs them all).
/// </summary>
public sealed class ToolkitClientTests
{
    private const string Python = "/usr/bin/python3";
    private const string JaxwsRuntime = "/usr/share/java/jaxws-rt.jar";
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly string ClientsDirectory = Path.Combine(RepoPaths.Root, "tests", "clients");

    [SkippableFact]
    public async Task Zeep_ClientFromServedWsdl_CreatesExtensionThatReadsBack()
    {
        Require(await MissingPythonModuleAsync("zeep", "python3-zeep"));
        var script = Path.Combine(ClientsDirectory, "python", "zeep_client.py");
        await RoundTripAsync("zeep", arguments => ExternalProgram.RunAsync(Python, [script, .. arguments], ClientTimeout));
    }

    [SkippableFact]
    public async Task ZeepV3_ClientFromServedV3Wsdl_CreatesReadsAndDeletesWhileV2SeesEachStep()
    {
        Require(await MissingPythonModuleAsync("zeep", "python3-zeep"));
        var script = Path.Combine(ClientsDirectory, "python", "zeep_v3_client.py");
        await using var server = await TestServer.StartAsync();
        var address = Provision.Unique("zeep-v3") + "@example.com";

        var (exitCode, output) = await ExternalProgram.RunAsync(
            Python, [script, server.Url(3).ToString(), server.Url(2).ToString(), TestServer.AdminLogin, TestServer.AdminPassword, address], ClientTimeout);

        Assert.True(exitCode == 0, $"The zeep v3 client exited with {exitCode}:\n{output}");
        Assert.Contains("v2 getExtension after delete: ERROR_NOT_FOUND", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Suds_ClientFromServedWsdl_CreatesExtensionThatReadsBack()
    {
        Require(await MissingPythonModuleAsync("suds", "python3-suds"));
        var script = Path.Combine(ClientsDirectory, "python", "suds_client.py");
        await RoundTripAsync("suds", arguments => ExternalProgram.RunAsync(Python, [script, .. arguments], ClientTimeout));
    }

    [SkippableFact]
    public async Task NodeSoap_ClientFromServedWsdl_CreatesExtensionThatReadsBack()
    {
        var directory = Path.Combine(ClientsDirectory, "node");
        Require(await MissingNodeSoapAsync(directory));
        await RoundTripAsync("node-soap", arguments => ExternalProgram.RunAsync("node", ["client.js", .. arguments], ClientTimeout, directory));
    }

    [SkippableFact]
    public async Task Wsimport_ClassesFromServedWsdl_CreateExtensionThatReadsBack()
    {
        Require(MissingCommand("wsimport", "jaxws") ?? MissingCommand("javac", "default-jdk-headless")
            ?? (File.Exists(JaxwsRuntime) ? null : $"{JaxwsRuntime} is missing (apt-get install libjaxws-java)"));
        var work = Path.Combine(Path.GetTempPath(), "provisioning-tests", "wsimport-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RoundTripAsync("wsimport", arguments => GenerateCompileAndRunJavaAsync(work, arguments));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Starts a server with a recorder that accepts pushes, runs a client against it (arguments: URL, login, password,
    /// a new extension address, the recorder's name, the v3 URL), and checks through the API that the extension the
    /// client created is stored as the client wrote it, that its applyExtensionConfiguration reached the recorder, that
    /// the storage policy it created is stored, and that it read the v3 statistics.
    /// </summary>
    private static async Task RoundTripAsync(string toolkit, Func<string[], Task<(int ExitCode, string Output)>> runClient)
    {
        await using var server = await TestServer.StartAsync();
        await using var receiver = await PushReceiver.StartAsync();
        const string recorder = "rec1";
        await Recorders.Recorders.AddPushedAsync(server, recorder, receiver.Url("/accept/" + recorder), "0000");
        var address = Provision.Unique(toolkit) + "@example.com";

        var (exitCode, output) = await runClient([server.Url().ToString(), TestServer.AdminLogin, TestServer.AdminPassword, address, recorder, server.Url(3).ToString()]);

        Assert.True(exitCode == 0, $"The {toolkit} client exited with {exitCode}:\n{output}");
        var client = server.Client();
        var answer = await client.CallAsync("getExtension", $"<token>{await client.TokenAsync()}</token><extension>{SoapClient.X(address)}</extension>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        var extension = answer.Return!.Element("extension")!;
        Assert.Equal(
            ("0000", "ON_DEMAND", "true", "true", "false"),
            (extension.Element("eid")?.Value, extension.Element("recordingMode")?.Value, extension.Element("voice")?.Value,
                extension.Element("video")?.Value, extension.Element("im")?.Value));
        Assert.Contains(address, System.Text.Encoding.UTF8.GetString(Assert.Single(receiver.Received[recorder]).Body), StringComparison.Ordinal);
        var policy = await client.CallAsync("getStoragePolicyByName", $"<token>{await client.TokenAsync()}</token><name>{SoapClient.X("keep-" + address)}</name><eid>0000</eid>");
        Assert.True(policy.StatusCode == "OK", policy.Body);
        Assert.Equal(("delete", "7"), (policy.Return!.Element("storagePolicy")?.Element("action")?.Value, policy.Return!.Element("storagePolicy")?.Element("olderThanYears")?.Value));
        Assert.Contains("getStatistics: 0000 extensions=", output, StringComparison.Ordinal);
    }

    /// <summary>wsimport generates classes from the live WSDL into <paramref name="work"/>; javac compiles them with Client.java.</summary>
    private static async Task<(int ExitCode, string Output)> GenerateCompileAndRunJavaAsync(string work, string[] arguments)
    {
        var sources = Path.Combine(work, "src");
        var classes = Path.Combine(work, "classes");
        Directory.CreateDirectory(sources);
        Directory.CreateDirectory(classes);
        foreach (var (package, url) in new[] { ("provisioning.v2", arguments[0]), ("provisioning.v3", arguments[5]) })
        {
            var generated = await ExternalProgram.RunAsync(
                "wsimport", ["-quiet", "-keep", "-Xnocompile", "-s", sources, "-d", classes, "-p", package, url + "?wsdl"], ClientTimeout);
            if (generated.ExitCode != 0)
            {
                return (generated.ExitCode, $"wsimport {package} failed:\n" + generated.Output);
            }
        }
        string[] files = [.. Directory.GetFiles(sources, "*.java", SearchOption.AllDirectories), Path.Combine(ClientsDirectory, "java", "Client.java")];
        var compiled = await ExternalProgram.RunAsync("javac", ["-nowarn", "-d", classes, "-cp", JaxwsRuntime, .. files], ClientTimeout);
        if (compiled.ExitCode != 0)
        {
            return (compiled.ExitCode, "javac failed:\n" + compiled.Output);
        }
        // jaxws-rt.jar names the rest of the JAX-WS and JAXB runtime in its manifest's Class-Path.
        return await ExternalProgram.RunAsync("java", ["-cp", classes + Path.PathSeparator + JaxwsRuntime, "Client", .. arguments], ClientTimeout);
    }

    private static async Task<string?> MissingPythonModuleAsync(string module, string package)
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install {package})";
        }
        var (exitCode, output) = await ExternalProgram.RunAsync(Python, ["-c", "import " + module], ClientTimeout);
        return exitCode == 0 ? null : $"{Python} cannot import {module} (apt-get install {package}): {output}";
    }

    /// <summary>The pinned soap package is installed by `npm ci` (from package-lock.json) when it is not there yet.</summary>
    private static async Task<string?> MissingNodeSoapAsync(string directory)
    {
        if ((MissingCommand("node", "nodejs") ?? MissingCommand("npm", "npm")) is { } missing)
        {
            return missing;
        }
        if (File.Exists(Path.Combine(directory, "node_modules", "soap", "package.json")))
        {
            return null;
        }
        var (exitCode, output) = await ExternalProgram.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout, directory);
        return exitCode == 0 ? null : $"npm ci in tests/clients/node failed: {output}";
    }

    private static string? MissingCommand(string command, string package) =>
        ExternalProgram.FindOnPath(command) is null ? $"{command} is not on PATH (apt-get install {package})" : null;

    private static void Require(string? missing)
    {
        if (missing is not null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"A client toolkit is missing in CI, where .ci/run installs it: {missing}");
        }
        Skip.If(missing is not null, missing);
    }
}
