using Trajet.Web.Features.Audit;

namespace Trajet.Tests.Features.Audit;

public sealed class AuditHashTests
{
    private static AuditEntry Entry() => new()
    {
        Sequence = 7,
        At = new DateTime(2026, 3, 1, 10, 15, 30, DateTimeKind.Utc).AddTicks(1234567),
        ActorId = Guid.Parse("0190b8a4-0000-7000-8000-000000000001"),
        ActorEmail = "cm1@ngo.demo",
        Action = AuditAction.Update,
        EntityType = "Member",
        EntityId = "0190b8a4-0000-7000-8000-000000000002",
        Details = """{"changes":{"FirstName":{"old":"Lusine","new":"Lusiné"}}}""",
        PreviousHash = AuditHash.Genesis,
    };

    [Fact]
    public void Hash_IsStable_AndChangesWithEveryField()
    {
        var original = AuditHash.Compute(Entry());
        Assert.Equal(original, AuditHash.Compute(Entry()));
        Assert.Equal(64, original.Length);

        var variants = new Action<AuditEntry>[]
        {
            e => e.Sequence = 8, e => e.At = e.At.AddMilliseconds(1), e => e.ActorId = null, e => e.ActorEmail = "cm2@ngo.demo",
            e => e.ActorOrganisationId = Guid.Empty, e => e.Action = AuditAction.Delete, e => e.EntityType = "Case", e => e.EntityId = "x",
            e => e.CaseId = Guid.Empty, e => e.OrganisationId = Guid.Empty, e => e.Details = "{}", e => e.PreviousHash = new string('1', 64),
        };
        foreach (var change in variants)
        {
            var entry = Entry();
            change(entry);
            Assert.NotEqual(original, AuditHash.Compute(entry));
        }
    }

    [Fact]
    public void Fields_CannotBleedIntoEachOther()
    {
        var a = Entry();
        a.EntityType = "Member";
        a.EntityId = "1";
        var b = Entry();
        b.EntityType = "Member\n1:1";
        b.EntityId = null;

        Assert.NotEqual(AuditHash.Compute(a), AuditHash.Compute(b));
    }

    [Fact]
    public void Time_IsKeptToTheMicrosecond_WhateverTheKindReadBack()
    {
        var at = AuditHash.Normalize(new DateTime(2026, 3, 1, 10, 15, 30, DateTimeKind.Utc).AddTicks(1234567));
        var entry = Entry();
        entry.At = at;
        var readBack = Entry();
        readBack.At = DateTime.SpecifyKind(at, DateTimeKind.Unspecified);

        Assert.Equal(0, at.Ticks % 10);
        Assert.Equal(AuditHash.Compute(entry), AuditHash.Compute(readBack));
    }

    [Fact]
    public void Details_WithoutValues_NameTheChangedFieldsOnly()
    {
        const string details = """{"changes":{"FirstName":{"old":"Lusine","new":"Lusiné"},"Notes":{"redacted":true}}}""";

        var hidden = AuditDetails.Describe(details, withValues: false);
        var shown = AuditDetails.Describe(details, withValues: true);

        Assert.Equal(["FirstName", "Notes"], hidden.Select(l => l.Name));
        Assert.All(hidden, l => Assert.Null(l.Old ?? l.New));
        Assert.Equal(("Lusine", "Lusiné"), (shown[0].Old, shown[0].New));
        Assert.True(shown[1].Redacted);
    }
}
