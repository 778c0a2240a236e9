using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createUser, updateUser, deleteUser, getUserByLoginNameAndEnvironment, listUsers.</summary>
internal sealed class UserOperations(Calls calls, IExtensionDialect dialect)
{
    private UserService Users => calls.Services.Users;

    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["createUser"] = CreateUser;
        ops["updateUser"] = UpdateUser;
        ops["deleteUser"] = DeleteUser;
        ops["getUserByLoginNameAndEnvironment"] = GetUserByLoginNameAndEnvironment;
        ops["listUsers"] = ListUsers;
    }

    private Invocation CreateUser(ElementReader p)
    {
        var (token, read) = Parameters.One(p, "user", p => UserWire.Read(p.Child(), dialect));
        return read.User is null
            ? Calls.MissingData("user", "user")
            : calls.Data(token, "user", (c, ct) => Users.CreateAsync(c, read.User, read.PasswordHash, ct), Write);
    }

    private Invocation UpdateUser(ElementReader p)
    {
        var (token, read) = Parameters.One(p, "user", p => UserWire.Read(p.Child(), dialect));
        return read.User is null
            ? Calls.MissingData("user", "user")
            : calls.Data(token, "user", (c, ct) => Users.UpdateAsync(c, read.User, read.PasswordHash, ct), Write);
    }

    private Invocation DeleteUser(ElementReader p)
    {
        var (token, userId) = Parameters.One(p, "userId", p => p.Identifier());
        return calls.Status(token, (c, ct) => Users.DeleteAsync(c, userId, ct));
    }

    private Invocation GetUserByLoginNameAndEnvironment(ElementReader p)
    {
        string? token = null, login = null, eid = null, shortName = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "token": token = p.Text(); break;
                case "loginName": login = p.Text(); break;
                case "eid": eid = p.Text(); break;
                case "environmentShortName": shortName = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        return calls.Data(token, "user", (c, ct) => Users.GetByLoginAsync(c, login, new TenantRef(eid, shortName), ct), Write);
    }

    private Invocation ListUsers(ElementReader p)
    {
        var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadUserFilter(p.Child()));
        // userCount and users both sort after status, so one payload name places either.
        return calls.Data(token, "users", (c, ct) => Users.ListAsync(c, filter, ct), (w, listing) =>
        {
            w.Number("userCount", listing.Count);
            foreach (var user in listing.Users)
            {
                UserWire.Write(w, "users", user, dialect, withExtensions: true);
            }
        });
    }

    private void Write(XmlWriter w, User user) => UserWire.Write(w, "user", user, dialect, withExtensions: true);
}
