using System.Text.Json;
using System.Text.Json.Nodes;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Protocols;

public class DefaultProtocolsTests
{
    public static TheoryData<string> Codes => new(DefaultProtocols.All.Select(p => p.Code));

    [Fact]
    public void DefaultProtocols_All_HasTheSeededCodesInOrder()
    {
        DefaultProtocols.All.Select(p => p.Code).ShouldBe(
            ["ocrelizumab", "ublituximab", "natalizumab", "alemtuzumab", "mitoxantrone", "methylprednisolone", "ocrelizumab-sc", "natalizumab-sztn"]);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DefaultProtocol_Validate_HasNoErrors(string code)
    {
        DefaultProtocols.Find(code)!.Validate().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DefaultProtocol_JsonRoundTrip_GivesAnEqualDefinition(string code)
    {
        var protocol = DefaultProtocols.Find(code)!;

        var json = ProtocolJson.Serialize(protocol);
        var back = ProtocolJson.Deserialize(json);

        back.ShouldBe(protocol);
        back.GetHashCode().ShouldBe(protocol.GetHashCode());
        ProtocolJson.Serialize(back).ShouldBe(json);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DefaultProtocol_JsonRoundTripWithPlainWebOptions_AlsoGivesAnEqualDefinition(string code)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        var protocol = DefaultProtocols.Find(code)!;

        var back = JsonSerializer.Deserialize<ProtocolDefinition>(JsonSerializer.Serialize(protocol, options), options);

        back.ShouldBe(protocol);
    }

    [Fact]
    public void DefaultProtocol_OcrelizumabJson_UsesCamelCaseAndStringEnums()
    {
        var json = JsonNode.Parse(ProtocolJson.Serialize(DefaultProtocols.Ocrelizumab))!;

        json["code"]!.GetValue<string>().ShouldBe("ocrelizumab");
        json["drug"]!["brandName"]!.GetValue<string>().ShouldBe("Ocrevus");
        json["steps"]!.AsArray().Count.ShouldBe(2);
        json["steps"]![1]!["dayOffset"]!.GetValue<int>().ShouldBe(14);
        json["steps"]![1]!["amount"]!["basis"]!.GetValue<string>().ShouldBe("fixed");
        json["steps"]![0]!["chairTime"]!["infusionMinutes"]!.GetValue<int>().ShouldBe(150);
        json["maintenance"]!["interval"]!.ToJsonString().ShouldBe("""{"value":24,"unit":"weeks"}""");
        json["maintenance"]!["anchor"]!.GetValue<string>().ShouldBe("firstDose");
        json["minSpacing"]!.ToJsonString().ShouldBe("""{"interval":{"value":20,"unit":"weeks"},"from":"previousPeriodEnd"}""");
        json["safetyGates"]![0]!["timing"]!.GetValue<string>().ShouldBe("beforeFirstDose");
        json["steps"]![0]!["chairTime"]!.AsObject().ContainsKey("totalMinutes").ShouldBeFalse();
    }

    [Fact]
    public void DefaultProtocol_Mitoxantrone_IsBsaDosedWithA140Cap()
    {
        var protocol = DefaultProtocols.Mitoxantrone;

        protocol.IsBsaDosed.ShouldBeTrue();
        protocol.CumulativeCapMgPerM2.ShouldBe(140m);
        protocol.Maintenance!.Interval.ShouldBe(Interval.OfMonths(3));
        DefaultProtocols.Ocrelizumab.IsBsaDosed.ShouldBeFalse();
    }

    [Fact]
    public void DefaultProtocol_SafetyGates_CarryTheDomainChecksAsData()
    {
        DefaultProtocols.Natalizumab.SafetyGates.ShouldContain(g => g.Code == "touch-authorization" && g.Timing == GateTiming.BeforeEachDose && g.Blocking);
        DefaultProtocols.Mitoxantrone.SafetyGates.ShouldContain(g => g.Code == "lvef-before-each-dose" && g.Blocking);
        DefaultProtocols.Ocrelizumab.SafetyGates.ShouldContain(g => g.Code == "hepatitis-b-screening" && g.Timing == GateTiming.BeforeFirstDose);
        DefaultProtocols.Alemtuzumab.SafetyGates.ShouldContain(g => g.Code == "monthly-labs" && g.Every == Interval.OfMonths(1));
    }

    [Fact]
    public void DefaultProtocols_Find_ReturnsNullForAnUnknownCode()
    {
        DefaultProtocols.Find("rituximab").ShouldBeNull();
    }
}
