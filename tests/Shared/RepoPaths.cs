namespace Provisioning.Tests.Shared;

/// <summary>Paths inside the repository, found from the test binaries by walking up to the solution file.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file under tests/spec (the contract fixtures).</summary>
    public static string Spec(string relative) => Path.Combine(Root, "tests", "spec", relative);

    public static string ReadSpec(string relative) => File.ReadAllText(Spec(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioning.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Provisioning.slnx not found above " + AppContext.BaseDirectory);
    }
}
