using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Provisioning.Cli.Output;

/// <summary>Shows views as JSON (--json: an object, or an array for lists) or as a table.</summary>
internal sealed class Printer(CliConsole console)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions JsonLine = new(Json) { WriteIndented = false };

    public static string ToJson(object value, bool indented = true) => JsonSerializer.Serialize(value, indented ? Json : JsonLine);

    public void List(IReadOnlyList<View> rows, bool json, params string[] columns)
    {
        if (json)
        {
            console.Out.WriteLine(ToJson(rows));
            return;
        }
        var table = new Table().Border(TableBorder.Simple);
        var shown = columns.Length > 0 ? columns : rows.Count > 0 ? rows[0].Keys.ToArray() : [];
        foreach (var column in shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }
        foreach (var row in rows)
        {
            table.AddRow(shown.Select(c => Markup.Escape(Text(row.GetValueOrDefault(c)))).ToArray());
        }
        Write(table);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} shown"));
    }

    public void One(View view, bool json)
    {
        if (json)
        {
            console.Out.WriteLine(ToJson(view));
            return;
        }
        var table = new Table().Border(TableBorder.Simple).HideHeaders().AddColumn("field").AddColumn("value");
        foreach (var (name, value) in view)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(Text(value)));
        }
        Write(table);
    }

    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private void Write(Table table)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!console.Interactive)
        {
            ansi.Profile.Width = 240;
        }
        ansi.Write(table);
    }
}
