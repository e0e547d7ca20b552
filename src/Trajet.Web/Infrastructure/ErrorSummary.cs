using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// Leaves out a validation summary with nothing to say. MVC's own writes an empty alert region with a hidden
/// <c>&lt;li style="display:none"&gt;</c> for its client script, which the content security policy blocks
/// (a stray bullet) and screen readers announce.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummary : TagHelper
{
    // After MVC's ValidationSummaryTagHelper (-1000), which has then written its list.
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Mode { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        var errors = Mode == ValidationSummary.ModelOnly
            ? state.TryGetValue("", out var model) && model.Errors.Count > 0
            : state.ErrorCount > 0;
        if (!errors)
        {
            output.SuppressOutput();
        }
    }
}
