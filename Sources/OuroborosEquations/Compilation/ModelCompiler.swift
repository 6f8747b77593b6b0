/// Turns a checked model into a `CompiledModel`: slots, dependency order, tears and bytecode.
enum ModelCompiler {
    /// Compiles `model`, which has passed `ModelChecker`.
    static func compile(_ model: CheckedModel) -> CompiledModel {
        let endogenous = model.equations.map(\.target)
        let slotNames = endogenous + model.exogenous.map(\.name) + model.parameters.map(\.name)
        let slotByName = Dictionary(uniqueKeysWithValues: slotNames.enumerated().map { ($1, $0) })

        let graph = dependencyGraph(of: model.equations, slotByName: slotByName)
        var compiler = ExpressionCompiler(slots: slotByName)
        var equations: [CompiledEquation] = []
        var sources: [EquationSource] = []
        var steps: [SolveStep] = []
        var tearCapacity = 1

        for component in graph.stronglyConnectedComponents() {
            let first = Int32(equations.count)
            if component.count == 1, !graph.hasSelfLoop(component[0]) {
                let node = component[0]
                equations.append(
                    CompiledEquation(
                        code: compiler.compile(model.equations[node].expression),
                        target: Int32(node)))
                sources.append(model.equations[node].source)
                steps.append(SolveStep(first: first, count: 1, tearCount: 0))
                continue
            }
            let torn = graph.tear(component)
            let blockSlots = Set(component)
            for node in torn.sequence + torn.tears {
                let code = compiler.compile(model.equations[node].expression, blockSlots: blockSlots)
                equations.append(CompiledEquation(code: code, target: Int32(node)))
                sources.append(model.equations[node].source)
            }
            steps.append(SolveStep(first: first, count: Int32(component.count), tearCount: Int32(torn.tears.count)))
            tearCapacity = max(tearCapacity, torn.tears.count)
        }

        let hidden = model.hidden.map { hidden in
            CompiledHidden(
                text: hidden.text,
                location: hidden.location,
                left: compiler.compile(hidden.equality.left),
                right: compiler.compile(hidden.equality.right))
        }
        let matrices = model.matrices.map { matrix in
            CompiledMatrix(
                kind: .init(matrix.spec.kind),
                columns: matrix.spec.columns,
                rows: matrix.spec.rows.map(\.name),
                exemptRows: matrix.spec.exemptRows,
                rowIsExempt: matrix.spec.rows.map { matrix.spec.exemptRows.contains($0.name) },
                cells: matrix.cells.flatMap { $0.map { $0.map { compiler.compile($0) } } },
                reads: reads(of: matrix.cells.flatMap { $0.compactMap { $0 } }, slotByName: slotByName))
        }

        return CompiledModel(
            name: model.name, periods: model.periods, slotCount: slotNames.count,
            endogenousCount: endogenous.count, reportedCount: endogenous.count + model.exogenous.count,
            slotNames: slotNames, slotByName: slotByName,
            code: compiler.instructions, equations: equations, sources: sources, steps: steps,
            stackDepth: compiler.maximumDepth, tearCapacity: tearCapacity,
            hidden: hidden, matrices: matrices,
            inputs: inputSchedule(of: model, slotByName: slotByName))
    }

    /// Edges from each equation to the equations whose variables it reads in the same period.
    private static func dependencyGraph(of equations: [CheckedModel.Equation], slotByName: [String: Int]) -> DependencyGraph {
        let endogenousCount = equations.count
        return DependencyGraph(
            successors: equations.map { equation in
                let reads = equation.expression.references.compactMap { reference -> Int? in
                    guard reference.lag == 0, let slot = slotByName[reference.name], slot < endogenousCount else { return nil }
                    return slot
                }
                return Array(Set(reads)).sorted()
            })
    }

    /// The distinct values `expressions` read, in reading order.
    private static func reads(of expressions: [Expression], slotByName: [String: Int]) -> [MatrixRead] {
        var seen: Set<MatrixRead> = []
        return expressions.flatMap(\.references).compactMap { reference in
            let read = MatrixRead(slot: slotByName[reference.name]!, lag: reference.lag)
            return seen.insert(read).inserted ? read : nil
        }
    }

    private static func inputSchedule(of model: CheckedModel, slotByName: [String: Int]) -> InputSchedule {
        func slotted(_ values: [NamedValue]) -> [SlotValue] {
            values.map { SlotValue(slot: slotByName[$0.name]!, value: $0.value) }
        }
        return InputSchedule(
            parameters: slotted(model.parameters),
            exogenous: model.exogenous.map { SlotSeries(slot: slotByName[$0.name]!, values: $0.values) },
            initial: slotted(model.initial),
            shocks: model.shocks.map { SlotShock(from: $0.from, to: $0.to, values: slotted($0.values)) })
    }
}
