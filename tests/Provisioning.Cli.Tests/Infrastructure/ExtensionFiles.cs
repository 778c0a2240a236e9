using System.Globalization;
using System.Text;

namespace Provisioning.Cli.Tests.Infrastructure;

/// <summary>Generated extension files: a header of wire field names, then rows with varied settings.</summary>
public static class ExtensionFiles
{
    public const string Header = "eid,extension,recordingMode,voice,im,video,screenCaptureEnabled,userLoginName";

    private static readonly string[] Modes = ["FULL", "ON_DEMAND", "CONTROLLED", "CONTROLLED_AUTO_START", "DO_NOT_RECORD"];

    /// <summary>Writes <paramref name="rows"/> rows for environment <paramref name="eid"/>; every tenth belongs to <paramref name="user"/> if given.</summary>
    public static string Write(string path, int rows, string eid = "0000", string? user = null)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header + "\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(Row(eid, i, user));
        }
        return path;
    }

    public static string Row(string eid, int i, string? user = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"{eid},+4930{i:D7},{Modes[i % Modes.Length]},{(i % 7 != 0 ? "true" : "false")},{(i % 2 == 0 ? "1" : "0")},{(i % 3 == 0 ? "true" : "false")},false,{(user is not null && i % 10 == 0 ? user : string.Empty)}\n");
}
