namespace Provisioning.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The request was refused (a Core failure), or some import rows were rejected.</summary>
    public const int Refused = 1;

    /// <summary>The command line or the configuration is wrong (including a database that cannot be opened or is not initialised).</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C) between batches; what was written is whole, and running the same import again completes it.</summary>
    public const int Interrupted = 130;
}
