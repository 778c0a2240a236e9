namespace Provisioning.Core.Model;

/// <summary>The wire values are user_type_verba and user_type_shared_items.</summary>
public enum UserType
{
    Verba = 1,
    SharedItems = 2,
}
