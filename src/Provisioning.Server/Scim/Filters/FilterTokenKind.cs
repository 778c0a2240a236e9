namespace Provisioning.Server.Scim.Filters;

internal enum FilterTokenKind
{
    Word,
    String,
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    End,
}
