import LoopConfig
import LoopDashboard

extension DashboardCommand {
    /// Applies `--present`, `--read-only` and a demo script to the starting model; a bad
    /// script ends the program with its error (status 2) before the terminal is touched.
    func preparePresentation(_ model: inout Model) {
        model.presentation.readOnly = readOnly
        model.presentation.lightBackground = ProjectorHint.lightBackground(
            environment: FileSystem.environment())
        if let script {
            do {
                _ = ScriptPlayer.start(try DemoScriptFile.load(contentsOf: script), on: &model)
            } catch {
                CommandOutput.fail(error.description)
            }
        }
        if present || script != nil {
            model.presentation.presenting = true
            if let hint = ProjectorHint.notice(lightBackground: model.presentation.lightBackground,
                                               theme: model.themes.current, keys: model.keys)
            {
                model.notice = hint
            }
        }
    }
}
