using System.Text;

namespace Provisioning.Hosting;

/// <summary>
/// Where a generated first administrator password goes (spec §4): a file only the host's user may read, never a log.
/// By default <c>initial-admin-password</c> beside the SQLite file, or in the working directory for PostgreSQL;
/// Provisioning:Bootstrap:PasswordFile overrides.
/// </summary>
public static class AdminPasswordFile
{
    public const string DefaultName = "initial-admin-password";

    public static string PathFor(ProvisioningSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Bootstrap.PasswordFile))
        {
            return Path.GetFullPath(settings.Bootstrap.PasswordFile);
        }
        var folder = Path.GetDirectoryName(DatabaseLocation.Of(settings.Storage).SqliteFile) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, DefaultName);
    }

    /// <summary>Writes the password to a new file of mode 0600; returns its path.</summary>
    public static string Write(ProvisioningSettings settings, string password)
    {
        var path = PathFor(settings);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // A file left from an earlier, deleted database: made anew, so no mode but ours ever applies to the content.
            File.Delete(path);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Given to open(2), so the file never exists with wider permissions, not even for a moment.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var file = new FileStream(path, options);
            file.Write(Encoding.UTF8.GetBytes(password + "\n"));
            file.Flush(flushToDisk: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the generated administrator password cannot be written to {path}: {e.Message}", e);
        }
    }

    /// <summary>Removes the file if it still holds <paramref name="password"/> (another instance bootstrapped first).</summary>
    public static void Withdraw(string path, string password)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path).TrimEnd('\n') == password)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another instance's file, or one already gone: either way not this instance's to remove.
        }
    }
}
