namespace Provisioning.Cli;

/// <summary>A problem with the command line or the configuration: reported on standard error with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
