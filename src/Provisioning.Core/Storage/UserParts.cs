namespace Provisioning.Core.Storage;

/// <summary>Which lists a user read fills in; listUsers can skip the costly ones.</summary>
[Flags]
public enum UserParts
{
    None = 0,
    Roles = 1,
    Customs = 2,
    Extensions = 4,
    Memberships = 8,

    /// <summary>What an extension's user carries: everything but its extensions.</summary>
    WithoutExtensions = Roles | Customs | Memberships,
    All = Roles | Customs | Extensions | Memberships,
}
