using System.Text.Json.Serialization;

namespace Provisioning.Storage.Sqlite;

/// <summary>Lists of texts bound as JSON arrays, serialised without reflection.</summary>
[JsonSerializable(typeof(IEnumerable<string>))]
internal sealed partial class SqliteJson : JsonSerializerContext;
