namespace Provisioning.Core.Model;

/// <summary>One v3 modalitiesForWS entry as the request spelled it: a modality id and direction ids, not yet checked.</summary>
public sealed record ModalitySpec(string? Id, IReadOnlyList<string> Directions);
