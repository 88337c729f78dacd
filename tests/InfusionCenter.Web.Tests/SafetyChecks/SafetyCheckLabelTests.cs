using InfusionCenter.Web.Features.SafetyChecks;

namespace InfusionCenter.Web.Tests.SafetyChecks;

/// <summary>Check names as nurses read them: proper nouns and acronyms capitalised (issue 11, finding 5).</summary>
public sealed class SafetyCheckLabelTests
{
    [Theory]
    [InlineData("hepatitis-b-screening", "Hepatitis B screening")]
    [InlineData("touch-authorization", "TOUCH authorization")]
    [InlineData("yearly-lvef-after-stopping", "Yearly LVEF after stopping")]
    public void Label_ReadsAsWords(string code, string label) => SafetyCheckService.Label(code).ShouldBe(label);
}
