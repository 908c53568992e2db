"""Code the tests share: reference data, window driving, the crash driver."""
