using System.Text.Json;
using System.Text.Json.Nodes;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Protocols;

public class ProtocolJsonTests
{
    private static JsonObject OcrelizumabJson() => JsonNode.Parse(ProtocolJson.Serialize(DefaultProtocols.Ocrelizumab))!.AsObject();

    [Fact]
    public void ProtocolJson_MissingRequiredMember_ThrowsJsonException()
    {
        var json = OcrelizumabJson();
        json.Remove("window");

        Should.Throw<JsonException>(() => ProtocolJson.Deserialize(json.ToJsonString()));
    }

    [Fact]
    public void ProtocolJson_NullForNonNullableMember_ThrowsJsonException()
    {
        var json = OcrelizumabJson();
        json["name"] = null;

        Should.Throw<JsonException>(() => ProtocolJson.Deserialize(json.ToJsonString()));
    }

    [Fact]
    public void ProtocolJson_NumericEnum_IsRejected()
    {
        var json = OcrelizumabJson();
        json["maintenance"]!["anchor"] = 0;

        Should.Throw<JsonException>(() => ProtocolJson.Deserialize(json.ToJsonString()));
    }

    [Fact]
    public void ProtocolJson_OptionalMembersOmitted_GetTheirDefaults()
    {
        const string json = """
            {
              "code": "natalizumab-q6w",
              "name": "Natalizumab every 6 weeks",
              "drug": { "genericName": "natalizumab" },
              "window": { "daysBefore": 3, "daysAfter": 7 },
              "steps": [ { "dayOffset": 0, "amount": { "value": 300 }, "chairTime": { "premedMinutes": 0, "infusionMinutes": 60, "observationMinutes": 60 } } ],
              "maintenance": { "interval": { "value": 6, "unit": "weeks" }, "amount": { "value": 300 }, "chairTime": { "premedMinutes": 0, "infusionMinutes": 60, "observationMinutes": 60 } }
            }
            """;

        var protocol = ProtocolJson.Deserialize(json);

        protocol.Validate().ShouldBeEmpty();
        protocol.Rounding.ShouldBe(DoseRounding.Default);
        protocol.SafetyGates.ShouldBeEmpty();
        protocol.Steps[0].Amount.ShouldBe(DoseAmount.Mg(300));
        protocol.Steps[0].Label.ShouldBe("initial");
        protocol.Maintenance!.Anchor.ShouldBe(MaintenanceAnchor.PreviousDose);
    }

    [Fact]
    public void ProtocolJson_Options_AreReadOnly()
    {
        ProtocolJson.Options.IsReadOnly.ShouldBeTrue();
    }
}
