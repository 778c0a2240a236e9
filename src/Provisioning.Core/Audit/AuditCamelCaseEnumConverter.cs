using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Core.Audit;

/// <summary>Enums by camelCase name; a type of its own because source-generated options name converters by type.</summary>
internal sealed class AuditCamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
