namespace Provisioning.Cli;

/// <summary>Where the tool writes: results to <see cref="Out"/>, errors to <see cref="Error"/>; a progress bar only when interactive.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive);
