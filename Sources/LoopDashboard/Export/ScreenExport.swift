/// The screen as an SVG picture in the current theme's full colours (`:export FILE.svg`).
public enum ScreenExport {
    public static func svg(_ model: Model, width: Int, height: Int) -> String {
        let caps = Capabilities(color: .direct, glyphs: .braille)
        let frame = view(model, width: width, height: height, caps: caps)
        return SVGRenderer(theme: model.themes.current, tier: .direct)
            .render(frame, title: "moneyloop · \(model.scenarioName) · \(model.start.adding(months: model.month).shortLabel)")
    }
}
