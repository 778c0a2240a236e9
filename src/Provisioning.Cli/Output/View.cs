namespace Provisioning.Cli.Output;

/// <summary>One object as shown: field names (wire names) in order, with their values.</summary>
internal sealed class View : Dictionary<string, object?>
{
    public View()
        : base(StringComparer.Ordinal)
    {
    }
}
