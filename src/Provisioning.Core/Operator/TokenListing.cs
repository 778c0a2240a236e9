using Provisioning.Core.Security;

namespace Provisioning.Core.Operator;

/// <summary>A stored token as the operator sees it: its id, holder and times, never its value or hash.</summary>
public sealed record TokenListing(TokenSession Session, TokenState State);
