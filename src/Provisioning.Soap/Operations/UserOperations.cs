using Provisioning.Core.Model;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createUser, updateUser, deleteUser, getUserByLoginNameAndEnvironment, listUsers.</summary>
internal static class UserOperations
{
    public static void Register(IDictionary<string, OperationBinder> ops, Calls calls, IExtensionDialect dialect)
    {
        var users = calls.Services.Users;
        void Write(System.Xml.XmlWriter w, User user) => UserWire.Write(w, "user", user, dialect, withExtensions: true);

        ops["createUser"] = p =>
        {
            var (token, read) = Parameters.One(p, "user", p => UserWire.Read(p.Child(), dialect));
            return read.User is null
                ? Calls.MissingData("user", "user")
                : calls.Data(token, "user", (c, ct) => users.CreateAsync(c, read.User, read.PasswordHash, ct), Write);
        };
        ops["updateUser"] = p =>
        {
            var (token, read) = Parameters.One(p, "user", p => UserWire.Read(p.Child(), dialect));
            return read.User is null
                ? Calls.MissingData("user", "user")
                : calls.Data(token, "user", (c, ct) => users.UpdateAsync(c, read.User, read.PasswordHash, ct), Write);
        };
        ops["deleteUser"] = p =>
        {
            var (token, userId) = Parameters.One(p, "userId", p => p.Identifier());
            return calls.Status(token, (c, ct) => users.DeleteAsync(c, userId, ct));
        };
        ops["getUserByLoginNameAndEnvironment"] = p =>
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
            return calls.Data(token, "user", (c, ct) => users.GetByLoginAsync(c, login, new TenantRef(eid, shortName), ct), Write);
        };
        ops["listUsers"] = p =>
        {
            var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadUserFilter(p.Child()));
            // userCount and users both sort after status, so one payload name places either.
            return calls.Data(token, "users", (c, ct) => users.ListAsync(c, filter, ct), (w, listing) =>
            {
                w.Number("userCount", listing.Count);
                foreach (var user in listing.Users)
                {
                    UserWire.Write(w, "users", user, dialect, withExtensions: true);
                }
            });
        };
    }
}
