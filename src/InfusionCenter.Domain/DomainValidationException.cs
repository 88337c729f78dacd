namespace InfusionCenter.Domain;

/// <summary>
/// Base class of the domain's "bad input" exceptions. Carries every field error found, not just the
/// first, so an API can answer 400 with the full <c>errors</c> map.
/// </summary>
public abstract class DomainValidationException : Exception
{
    protected DomainValidationException(string message, IReadOnlyList<ValidationError> errors)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        Errors = errors;
    }

    /// <summary>All field errors (never empty).</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The field of the first error (e.g. <c>bsa</c>, <c>days</c>).</summary>
    public string ParamName => Errors[0].Field;

    /// <summary>Errors grouped by field, the shape of ProblemDetails' <c>errors</c> map.</summary>
    public IDictionary<string, string[]> ToDictionary()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in Errors)
        {
            if (!map.TryGetValue(error.Field, out var messages))
            {
                messages = [];
                map[error.Field] = messages;
            }

            messages.Add(error.Message);
        }

        var result = new Dictionary<string, string[]>(map.Count, StringComparer.Ordinal);
        foreach (var (field, messages) in map)
        {
            result[field] = [.. messages];
        }

        return result;
    }

    protected static string Describe(string prefix, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"{prefix}: {errors[0]}"
            : $"{prefix}: {string.Join("; ", errors)}";
    }
}
