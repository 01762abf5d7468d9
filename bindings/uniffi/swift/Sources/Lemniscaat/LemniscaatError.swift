// uniffi 0.32 gives LemniscaatError the exported Rust Display as `description` but does not declare
// the conformance. With it, "\(error)", `String(reflecting:)` and so the generated
// `errorDescription` (`localizedDescription`) read as that sentence: the English message, then
// the code and the path.
extension LemniscaatError: CustomStringConvertible {}
