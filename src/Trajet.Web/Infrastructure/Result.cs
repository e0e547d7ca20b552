namespace Trajet.Web.Infrastructure;

public enum FailureKind { Invalid, NotFound, Forbidden }

/// <summary>Why a use case did nothing; converts to any <see cref="Result{T}"/>.</summary>
public sealed record Failure(FailureKind Kind, IReadOnlyList<FieldError> Errors)
{
    public static Failure Invalid(IEnumerable<FieldError> errors) => new(FailureKind.Invalid, errors.ToList());
    public static Failure Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
    /// <summary>The record does not exist for this user (another organisation's is the same as none).</summary>
    public static readonly Failure NotFound = new(FailureKind.NotFound, []);
    /// <summary>Nothing saved, no field at fault: the user must first confirm something the form shows again.</summary>
    public static readonly Failure Unconfirmed = new(FailureKind.Invalid, []);
    /// <summary>The user sees the record but may not change it.</summary>
    public static readonly Failure Forbidden = new(FailureKind.Forbidden, []);
}

/// <summary>What a use case answers: its value, or a <see cref="Failure"/>. The API matches it with <see cref="ResultExtensions.ToHttp{T}"/>, pages with <see cref="ResultExtensions.ToPage{T}"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure) => (Value, Failed) = (value, failure);

    public T? Value { get; }
    public Failure? Failed { get; }

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

public static class ResultExtensions
{
    /// <summary>The next step of a use case, run only when this one succeeded.</summary>
    public static Result<TNext> Then<T, TNext>(this Result<T> result, Func<T, Result<TNext>> next) =>
        result.Failed is { } failure ? failure : next(result.Value!);

    /// <inheritdoc cref="Then{T, TNext}"/>
    public static async Task<Result<TNext>> ThenAsync<T, TNext>(this Result<T> result, Func<T, Task<Result<TNext>>> next) =>
        result.Failed is { } failure ? failure : await next(result.Value!);

    /// <summary>A failure as the API answers it: a 400 problem naming each field in the caller's language, 404 or 403.</summary>
    public static IResult ToHttp<T>(this Result<T> result, IStringLocalizer localizer, Func<T, IResult> done) =>
        result.Failed is { } failure ? failure.ToHttp(localizer) : done(result.Value!);

    /// <summary>As <see cref="ToHttp{T}"/>, when the answer needs a read first.</summary>
    public static async Task<IResult> ToHttpAsync<T>(this Result<T> result, IStringLocalizer localizer, Func<T, Task<IResult>> done) =>
        result.Failed is { } failure ? failure.ToHttp(localizer) : await done(result.Value!);

    public static IResult ToHttp(this Failure failure, IStringLocalizer localizer) => failure switch
    {
        { Kind: FailureKind.Invalid, Errors: var errors } => errors.ToProblem(localizer),
        { Kind: FailureKind.Forbidden } => TypedResults.Forbid(),
        _ => TypedResults.NotFound(),
    };

    /// <summary>
    /// A failure as a page answers it: the form again with each error beside its field, or 404 (a page never tells a
    /// record the user may not change from one that does not exist).
    /// </summary>
    public static IActionResult ToPage<T>(this Result<T> result, PageModel page, IStringLocalizer localizer, Func<T, IActionResult> done, string prefix = "Input")
    {
        switch (result.Failed)
        {
            case null:
                return done(result.Value!);
            case { Kind: FailureKind.Invalid, Errors: var errors }:
                errors.AddTo(page.ModelState, localizer, prefix);
                return page.Page();
            default:
                return page.NotFound();
        }
    }

    /// <summary>
    /// A form's save on a page that is not about one case: the form checked, the use case run, then the next page,
    /// or the form again with its errors and what the page shows beside it (<paramref name="reload"/>).
    /// </summary>
    public static async Task<IActionResult> SaveAsync<T>(this PageModel page, IStringLocalizer localizer, Func<Task<Result<T>>> save, Func<T, IActionResult> done,
        Func<Task> reload, string prefix = "Input")
    {
        var answer = page.ModelState.IsValid ? (await save()).ToPage(page, localizer, done, prefix) : page.Page();
        if (answer is PageResult)
        {
            await reload();
        }
        return answer;
    }
}
