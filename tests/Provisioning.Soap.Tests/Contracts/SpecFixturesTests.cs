using Provisioning.Tests.Shared;
using Xunit.Abstractions;

namespace Provisioning.Soap.Tests.Contracts;

/// <summary>
/// tests/spec is a copy of the steering repository's spec fixtures, so a clone runs alone. When that repository is
/// checked out beside this one (../shared/spec), the copy must not have drifted from it.
/// </summary>
public sealed class SpecFixturesTests(ITestOutputHelper output)
{
    private static readonly string[] Folders = ["examples", "reference"];
    private static readonly string Shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "spec"));

    [Fact]
    public void Copy_EveryFile_EqualsTheSharedOneByteForByte()
    {
        if (!SharedIsPresent())
        {
            return;
        }

        var differing = Files(RepoPaths.Spec(string.Empty))
            .Where(f => !File.Exists(Path.Combine(Shared, f))
                || !File.ReadAllBytes(RepoPaths.Spec(f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Shared, f))))
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Copy_EverySharedFile_IsCopied()
    {
        if (!SharedIsPresent())
        {
            return;
        }

        var missing = Files(Shared).Where(f => !File.Exists(RepoPaths.Spec(f))).ToList();

        Assert.Empty(missing);
    }

    private bool SharedIsPresent()
    {
        if (Directory.Exists(Shared))
        {
            return true;
        }
        output.WriteLine($"{Shared} does not exist: no shared spec beside the repository, nothing to compare.");
        return false;
    }

    /// <summary>The files under examples/ and reference/ of <paramref name="specRoot"/>, relative to it.</summary>
    private static IEnumerable<string> Files(string specRoot) => Folders
        .Select(folder => Path.Combine(specRoot, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        .Select(file => Path.GetRelativePath(specRoot, file))
        .Order(StringComparer.Ordinal);
}
