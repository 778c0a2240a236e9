namespace Provisioning.Core.Results;

/// <summary>The outcome of an operation that returns data on success.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(Outcome outcome, string? message, T? value)
    {
        Outcome = outcome;
        Message = message;
        _value = value;
    }

    public Outcome Outcome { get; }

    public string? Message { get; }

    public bool IsOk => Outcome == Outcome.Ok;

    public T Value => IsOk ? _value! : throw new InvalidOperationException($"No value: the outcome is {Outcome}.");

    public static Result<T> Ok(T value) => new(Outcome.Ok, null, value);

    public static implicit operator Result<T>(Failure failure) => new(failure.Outcome, failure.Message, default);

    public Failure ToFailure() => IsOk ? throw new InvalidOperationException("An OK result is not a failure.") : new(Outcome, Message ?? string.Empty);

    public Result ToResult() => IsOk ? Result.Ok() : ToFailure();
}
