using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Tests.Audit;

public sealed class AuditJsonTests
{
    private static readonly Extension Stored = new()
    {
        Id = 7,
        TenantId = 3,
        Tenant = new TenantRef("0003", "three"),
        Address = "+4930123",
        Mode = RecordingMode.Full,
        Media = RecordedMedia.VoiceOnly,
    };

    [Fact]
    public void Of_CreatedExtension_WritesItWithoutItsKeyAndEnvironment()
    {
        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", null, Stored));

        Assert.Equal(new AuditValues(null, "{\"id\":7,\"mode\":\"full\",\"media\":[\"voice\"]}"), json);
    }

    [Fact]
    public void Of_DeletedExtension_WritesTheWholeValueBefore()
    {
        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", Stored, null));

        Assert.Equal(new AuditValues("{\"id\":7,\"mode\":\"full\",\"media\":[\"voice\"]}", null), json);
    }

    [Fact]
    public void Of_UpdatedExtension_WritesOnlyTheChangedFieldsAndTheId()
    {
        var after = Stored with { Mode = RecordingMode.OnDemand, Tenant = new TenantRef("0003", null) };

        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", Stored, after));

        Assert.Equal(new AuditValues("{\"id\":7,\"mode\":\"full\"}", "{\"id\":7,\"mode\":\"onDemand\"}"), json);
    }

    [Fact]
    public void Of_UpdateThatChangesNothing_WritesOnlyTheId()
    {
        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", Stored, Stored));

        Assert.Equal(new AuditValues("{\"id\":7}", "{\"id\":7}"), json);
    }

    [Fact]
    public void Of_RenamedExtension_WritesBothAddressesWithPlusUnescaped()
    {
        var after = Stored with { Address = "+4930999" };

        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930999", Stored, after));

        Assert.Equal(new AuditValues("{\"id\":7,\"address\":\"+4930123\"}", "{\"id\":7,\"address\":\"+4930999\"}"), json);
    }

    [Fact]
    public void Of_FieldSetAndFieldCleared_WritesNullOnTheSideWhereItWasEmpty()
    {
        var before = new User { Id = 4, LoginName = "anna", DisplayName = "Anna", Locked = true };
        var after = before with { DisplayName = null, Email = "anna+audit@example.com", Locked = false };

        var json = AuditJson.Of(new AuditChange(AuditChange.User, "0003", "anna", before, after));

        Assert.Equal("{\"id\":4,\"displayName\":\"Anna\",\"locked\":true,\"email\":null}", json.Before);
        Assert.Equal("{\"id\":4,\"email\":\"anna+audit@example.com\",\"locked\":false,\"displayName\":null}", json.After);
    }

    [Fact]
    public void Of_NestedObjectChanged_WritesItsChangedFieldsAndId()
    {
        var before = Stored with { User = new User { Id = 5, LoginName = "a", DisplayName = "Same" } };
        var after = Stored with { User = new User { Id = 5, LoginName = "b", DisplayName = "Same" } };

        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", before, after));

        Assert.Equal(new AuditValues("{\"id\":7,\"user\":{\"id\":5,\"loginName\":\"a\"}}", "{\"id\":7,\"user\":{\"id\":5,\"loginName\":\"b\"}}"), json);
    }

    [Fact]
    public void Of_CreatedUser_KeepsNonAsciiLettersAndLeavesOutEnvironmentsOfItsExtensions()
    {
        var user = new User
        {
            Id = 4,
            TenantId = 3,
            LoginName = "jürgen",
            DisplayName = "Jürgen Weiß",
            Roles = ["Agent"],
            Extensions = [Stored],
        };

        var json = AuditJson.Of(new AuditChange(AuditChange.User, "0003", "jürgen", null, user));

        Assert.Equal(
            "{\"id\":4,\"displayName\":\"Jürgen Weiß\",\"roles\":[\"Agent\"],\"customs\":[],"
            + "\"extensions\":[{\"id\":7,\"address\":\"+4930123\",\"mode\":\"full\",\"media\":[\"voice\"]}],\"memberships\":[]}",
            json.After);
    }

    [Fact]
    public void Of_MediaWithSomeDirections_WritesPairsAndWholeModalitiesByName()
    {
        var media = RecordedMedia.VoiceOnly.With(Modality.Video, Direction.Incoming).With(Modality.Video, Direction.Internal);

        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", "+4930123", null, Stored with { Media = media }));

        Assert.Contains("\"media\":[\"voice\",\"video:incoming\",\"video:internal\"]", json.After, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_CreatedEnvironment_LeavesOutItsEid()
    {
        var tenant = new Tenant { Id = 3, Eid = "0003", ShortName = "three" };

        var json = AuditJson.Of(new AuditChange(AuditChange.Environment, "0003", "0003", null, tenant));

        Assert.Equal("{\"id\":3,\"shortName\":\"three\",\"inactive\":false,\"partitions\":[]}", json.After);
    }

    [Fact]
    public void Of_ImportBatch_WritesTheKeysItChanged()
    {
        var json = AuditJson.Of(new AuditChange(AuditChange.Extension, "0003", ImportedKeys.AuditKey, null, new ImportedKeys(["+4930601"], [])));

        Assert.Equal("{\"created\":[\"+4930601\"],\"updated\":[]}", json.After);
    }

    [Fact]
    public void Of_TypeTheGeneratedMetadataDoesNotList_IsStillWrittenTheSameWay()
    {
        var json = AuditJson.Of(new AuditChange("thing", "0003", "k", null, new Unlisted("k", "Bürger+1", null, TenantId: 3)));

        Assert.Equal(new AuditValues(null, "{\"key\":\"k\",\"displayName\":\"Bürger+1\"}"), json);
    }

    private sealed record Unlisted(string Key, string DisplayName, string? Note, long TenantId);
}
