namespace Provisioning.Soap.Wire;

/// <summary>Which end a membership shows: seen from a user it carries the group, seen from a group the user.</summary>
public enum MembershipSide
{
    Group,
    User,
}
