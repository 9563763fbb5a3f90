namespace Emulator.Core.Iam;

/// <summary>One adjustable quota of <see cref="IamQuotas"/>: its AWS name, how to read it and how to set it.</summary>
public sealed record IamQuota(string Name, Func<IamQuotas, int> Get, Func<IamQuotas, int, IamQuotas> With);
