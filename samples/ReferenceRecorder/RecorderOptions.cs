namespace ReferenceRecorder;

/// <summary>The command line, with environment variables standing in for options not given.</summary>
internal sealed record RecorderOptions(Uri Server, string Name, string Secret, Uri? Listen, string? Dump)
{
    public const string Usage = """
        Usage: ReferenceRecorder [--help] --server URL --name NAME [--secret SECRET] [--listen http://HOST:PORT/PATH] [--dump FILE]
          --server   the provisioning server's API address, e.g. http://server:7003 (or RECORDER_SERVER)
          --name     this recorder's name, as registered with "provisioning recorders add" (or RECORDER_NAME)
          --secret   its secret (or RECORDER_SECRET, better: arguments are visible to every user of the machine)
          --listen   also receive pushes here (http; port 0 lets the system choose; the address is printed)
          --dump     after each applied revision, write the copy to FILE as the full configuration's JSON
        Prints one line per applied revision: "revision N: M extensions (full|delta|push)".
        """;

    /// <summary>Whether the usage is all that was asked for.</summary>
    public static bool AsksForHelp(string[] args) => args is ["--help" or "-h"];

    /// <summary>The options, or the reason they are not complete.</summary>
    public static (RecorderOptions? Options, string? Error) Parse(string[] args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--server" or "--name" or "--secret" or "--listen" or "--dump"))
            {
                return (null, $"unknown argument {args[i]}");
            }
            if (i + 1 == args.Length)
            {
                return (null, $"{args[i]} needs a value");
            }
            given[args[i]] = args[++i];
        }
        var server = given.GetValueOrDefault("--server") ?? environment("RECORDER_SERVER");
        var name = given.GetValueOrDefault("--name") ?? environment("RECORDER_NAME");
        var secret = given.GetValueOrDefault("--secret") ?? environment("RECORDER_SECRET");
        var listen = given.GetValueOrDefault("--listen");
        if (!IsHttp(server, out var serverUri))
        {
            return (null, "--server (or RECORDER_SERVER) must be an http or https URL");
        }
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(secret))
        {
            return (null, string.IsNullOrEmpty(name) ? "--name (or RECORDER_NAME) is missing" : "--secret (or RECORDER_SECRET) is missing");
        }
        Uri? listenUri = null;
        if (listen is not null && !(Uri.TryCreate(listen, UriKind.Absolute, out listenUri) && listenUri.Scheme == Uri.UriSchemeHttp))
        {
            return (null, "--listen must be an http URL, e.g. http://0.0.0.0:8090/push");
        }
        return (new RecorderOptions(serverUri!, name, secret, listenUri, given.GetValueOrDefault("--dump")), null);
    }

    private static bool IsHttp(string? url, out Uri? uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
