/// The smallest valid template file, with extra top-level keys for what a test is about: the
/// line numbers of `extra` start at line 4.
enum TemplateYAML {
    static func minimal(name: String = "shop", keyword: String = "商店", extra: String = "") -> String {
        """
        name: \(name)
        match:
          keywords: [\(keyword)]
        \(extra)
        fields:
          total_amount:
            locators:
              - anchor: 合計
                relation: right_of
        """
    }
}
