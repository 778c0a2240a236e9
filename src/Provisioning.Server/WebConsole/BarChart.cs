using System.Globalization;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG geometry (no script, no inline style): each bar's length is its
/// value's share of the largest. The page renders the bars and a table of the same figures for screen readers.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<(string Label, long Value)> Bars)
{
    public const int RowHeight = 22;
    public const int LabelWidth = 110;
    public const int BarWidth = 360;

    public int Height => Math.Max(1, Bars.Count) * RowHeight;

    public int Width => LabelWidth + BarWidth + 80;

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public double LengthOf(long value)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max == 0 ? 0 : Math.Max(value > 0 ? 1 : 0, BarWidth * (double)value / max);
    }
}
