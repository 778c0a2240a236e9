using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Provisioning.Hosting;

/// <summary>
/// Every setting with its default, read from the settings classes themselves, so the help of the server and of the
/// command line cannot drift from what the configuration binds.
/// </summary>
public static class SettingsHelp
{
    public static void Write(TextWriter output)
    {
        output.WriteLine("Settings (appsettings.json in the working directory, environment variables such as");
        output.WriteLine("Provisioning__Storage__ConnectionString, or arguments such as --Provisioning:Versions=2), with their defaults:");
        var rows = Rows(ProvisioningSettings.Section, new ProvisioningSettings()).ToArray();
        var width = rows.Max(r => r.Name.Length) + 2;
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}{value}");
        }
    }

    /// <summary>The setting names with their defaults, in declaration order.</summary>
    public static IEnumerable<(string Name, string Default)> Rows(string prefix, object settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = $"{prefix}:{property.Name}";
            var value = property.GetValue(settings);
            if (value is not null && IsSection(property.PropertyType))
            {
                foreach (var row in Rows(name, value))
                {
                    yield return row;
                }
                continue;
            }
            yield return (name, Format(value) ?? $"({property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "unset"})");
        }
    }

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(SettingsHelp).Namespace;

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
