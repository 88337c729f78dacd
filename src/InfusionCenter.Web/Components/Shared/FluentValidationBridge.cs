using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace InfusionCenter.Web.Components.Shared;

/// <summary>
/// Connects a FluentValidation validator to a Blazor <see cref="EditContext"/>: the form shows the same
/// messages, next to the same fields, as the API returns in its ProblemDetails <c>errors</c> map.
/// (Blazored.FluentValidation is not in our feed; this is the small part of it we need.)
/// Server-side refusals can be shown the same way with <see cref="ShowErrors"/>.
/// </summary>
public sealed class FluentValidationBridge : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;

    [CascadingParameter]
    public EditContext? EditContext { get; set; }

    [Parameter, EditorRequired]
    public IValidator Validator { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationBridge)} must sit inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _context))
        {
            return;
        }

        Detach();
        _context = EditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += OnValidationRequested;
        _context.OnFieldChanged += OnFieldChanged;
    }

    /// <summary>
    /// Shows errors keyed by API field names (camelCase paths) next to the matching fields of the form's model; returns
    /// the messages for keys that are not a property of the model (nothing on the form would show them).
    /// </summary>
    public IReadOnlyList<string> ShowErrors(IDictionary<string, string[]> errors)
    {
        if (_context is null || _messages is null)
        {
            return errors.Values.SelectMany(m => m).ToList();
        }

        var unshown = new List<string>();
        foreach (var (field, messages) in errors)
        {
            var property = ToPropertyName(field);
            if (_context.Model.GetType().GetProperty(property) is null && field.LastIndexOf('.') is > 0 and var dot)
            {
                property = ToPropertyName(field[(dot + 1)..]); // "reaction.amountGiven" on a flat form: AmountGiven
            }

            if (_context.Model.GetType().GetProperty(property) is null)
            {
                unshown.AddRange(messages);
                continue;
            }

            _messages.Add(_context.Field(property), messages);
        }

        _context.NotifyValidationStateChanged();
        return unshown;
    }

    public void Dispose() => Detach();

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var failure in Validator.Validate(new ValidationContext<object>(_context!.Model)).Errors)
        {
            _messages.Add(_context.Field(failure.PropertyName), failure.ErrorMessage);
        }

        _context.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var result = Validator.Validate(new ValidationContext<object>(_context!.Model));
        _messages!.Clear(e.FieldIdentifier);
        foreach (var failure in result.Errors.Where(f => f.PropertyName == e.FieldIdentifier.FieldName))
        {
            _messages.Add(e.FieldIdentifier, failure.ErrorMessage);
        }

        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationRequested -= OnValidationRequested;
            _context.OnFieldChanged -= OnFieldChanged;
        }
    }

    private static string ToPropertyName(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}
