using System.Text.Json.Serialization;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Audit;

/// <summary>Serialisation metadata for every audited value, generated at build time rather than found by reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(AuditMediaConverter), typeof(AuditCamelCaseEnumConverter<RecordingMode>), typeof(AuditCamelCaseEnumConverter<UserType>)])]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Group))]
[JsonSerializable(typeof(Extension))]
[JsonSerializable(typeof(ImportedKeys))]
[JsonSerializable(typeof(Recorders.Recorder))]
[JsonSerializable(typeof(Recorders.SecretRotation))]
[JsonSerializable(typeof(Recorders.ConfigurationDelivery))]
[JsonSerializable(typeof(StorageFolder))]
[JsonSerializable(typeof(StoragePolicy))]
[JsonSerializable(typeof(AuditPrune))]
[JsonSerializable(typeof(Scim.ScimToken))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
