public import ArgumentParser
import OuroborosReport

// The library's choices, read from the command line by their raw values.

extension TextFormat: ExpressibleByArgument {}

extension RunExport.Format: ExpressibleByArgument {}

extension SensitivityRun.Method: ExpressibleByArgument {}
