<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <source>Each side keeps its version until one is changed to match the other; the next sync then settles it. Double-click to open the document.</source>
        <translation>两边各自保留自己的版本，直到一边改成与另一边一致，下次同步即可解决。双击打开文档。</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有未解决的冲突。</translation>
    </message>
</context>
<context>
    <name>RelationListModel</name>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>标注一致性</translation>
    </message>
    <message>
        <source>%1 annotators (%2), %3 documents compared; overall exact F1 %4, overlap F1 %5, alpha %6. Only accepted spans count.</source>
        <translation>%1 位标注员（%2），比较了 %3 篇文档；总体精确匹配 F1 %4，重叠 F1 %5，alpha %6。只计已接受的标注。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>精确匹配 F1</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Unmatched spans</source>
        <translation>未匹配的标注</translation>
    </message>
    <message>
        <source>Differing characters</source>
        <translation>不一致的字符</translation>
    </message>
    <message>
        <source>Not annotated by</source>
        <translation>未标注者</translation>
    </message>
    <message>
        <source>Documents, most disagreement first (double-click to open):</source>
        <translation>文档，分歧最多的在前（双击打开）：</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message numerus="yes">
        <location filename="../annotator/gui/document_model.py" line="86" />
        <source>%n damaged character(s) (? or �) left in the text</source>
        <translation>
            <numerusform>文本中仍有 %n 个损坏字符（? 或 �）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="93" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="93" />
        <location filename="../annotator/gui/document_model.py" line="95" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="93" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="93" />
        <source>Sugg.</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="95" />
        <source>Title or file name</source>
        <translation>标题或文件名</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="95" />
        <source>Accepted spans</source>
        <translation>已接受的标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="96" />
        <source>Pending suggestions</source>
        <translation>待处理的建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_model.py" line="96" />
        <source>Damaged text left after repair</source>
        <translation>修复后仍有损坏文本</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需要度</translation>
    </message>
    <message>
        <source>Rules and model disagree on %.1f span(s) per 1,000 characters here</source>
        <translation>规则与模型在此每千字有 %.1f 处分歧</translation>
    </message>
    <message>
        <source>Need: how much rules and the trained model disagree (spans per 1,000 characters); click to put the unfinished documents that teach most first</source>
        <translation>需要度：规则与训练出的模型的分歧（每千字的片段数）；点击可把最值得标注的未完成文档排在前面</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="23" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="31" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="33" />
        <source>Documents marked done</source>
        <translation>已完成的文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="34" />
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="35" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="37" />
        <source>Accepted spans</source>
        <translation>已接受的标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="38" />
        <source>Accepted spans and pending suggestions</source>
        <translation>已接受的标注和待处理的建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="39" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="41" />
        <source>Every annotator</source>
        <translation>全部标注员</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="43" />
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="44" />
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="45" />
        <source>Offsets into the raw text (before repair)</source>
        <translation>偏移量基于原始文本（修复前）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="48" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="55" />
        <source>Write to</source>
        <translation>写入</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="77" />
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="80" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../annotator/gui/import_report.py" line="48" />
        <source>Traditional → simplified characters (OpenCC t2s)</source>
        <translation>繁体 → 简体（OpenCC t2s）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="49" />
        <source>Remove pinyin glued after characters: 區(qū) → 区</source>
        <translation>删除字后粘连的拼音：區(qū) → 区</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="50" />
        <source>Remove ?? runs at line starts (lost ideographic spaces)</source>
        <translation>删除行首的 ??（丢失的全角空格）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="51" />
        <source>Remove navigation, share, paywall and font-size lines; dates and sources to metadata</source>
        <translation>删除导航、分享、付费墙和字号行；日期和来源移入元数据</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="52" />
        <source>Full-width digits and letters → ASCII</source>
        <translation>全角数字和字母 → 半角</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="53" />
        <source>Drop indentation, trailing spaces and blank lines</source>
        <translation>删除缩进、行尾空格和空行</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="61" />
        <source>Repair on import</source>
        <translation>导入时修复</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="69" />
        <source>Suggest spans in the imported reports</source>
        <translation>为导入的报告生成标注建议</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Lost characters (□)</source>
        <translation>丢失的字（□）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="15" />
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="18" />
        <source>%d document(s) imported with %d span(s), %d updated, %d duplicates skipped, %d failed</source>
        <translation>已导入 %d 个文档（含 %d 个标注），更新 %d 个，跳过重复 %d 个，失败 %d 个</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="21" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="21" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="21" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="21" />
        <source>Chars before → after</source>
        <translation>字符数 前 → 后</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="22" />
        <source>Pinyin removed</source>
        <translation>删除拼音</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="22" />
        <source>Boilerplate lines</source>
        <translation>模板行</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="22" />
        <source>Traditional converted</source>
        <translation>繁体已转换</translation>
    </message>
    <message>
        <location filename="../annotator/gui/import_report.py" line="23" />
        <source>Damage</source>
        <translation>损坏</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sync conflicts…</source>
        <translation>同步冲突…</translation>
    </message>
    <message>
        <source>Train a model on the done documents…</source>
        <translation>用已完成的文档训练模型…</translation>
    </message>
    <message>
        <source>Training needs a project saved in a file.</source>
        <translation>训练需要保存在文件中的项目。</translation>
    </message>
    <message>
        <source>Training a model</source>
        <translation>正在训练模型</translation>
    </message>
    <message>
        <source>Evaluated on %d held-out documents (F1, model / rules):</source>
        <translation>在 %d 篇留出文档上评估（F1，模型 / 规则）：</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>&amp;Relations</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <source>Start a relation from the selected span</source>
        <translation>从所选标注开始建立关系</translation>
    </message>
    <message>
        <source>Accept all relation suggestions in this document</source>
        <translation>接受本文档全部关系建议</translation>
    </message>
    <message>
        <source>Suggest relations for this document</source>
        <translation>为本文档建议关系</translation>
    </message>
    <message>
        <source>Relate as %s %s</source>
        <translation>建立关系：%s %s</translation>
    </message>
    <message>
        <source>Delete span (or the relation selected in its panel)</source>
        <translation>删除标注（或关系面板中所选的关系）</translation>
    </message>
    <message>
        <source>Relations (R on a span, then Tab and the relation's key)</source>
        <translation>关系（在标注上按 R，再按 Tab 和关系键）</translation>
    </message>
    <message>
        <source>Select a span first (click it, or Tab to it), then press R.</source>
        <translation>请先选中一个标注（点击或按 Tab），再按 R。</translation>
    </message>
    <message>
        <source>From %s: go to the other span (Tab or click), then press %s.</source>
        <translation>从“%s”出发：移到另一个标注（Tab 或点击），再按 %s。</translation>
    </message>
    <message>
        <source>Select a span, press R, go to the other span, then press the relation's key.</source>
        <translation>选中标注，按 R，移到另一个标注，再按关系键。</translation>
    </message>
    <message>
        <source>Accepted %d relation suggestions.</source>
        <translation>已接受 %d 条关系建议。</translation>
    </message>
    <message>
        <source>No relation suggestions here.</source>
        <translation>本文档没有关系建议。</translation>
    </message>
    <message>
        <source>%d relations suggested.</source>
        <translation>已建议 %d 条关系。</translation>
    </message>
    <message>
        <source>add relation %s</source>
        <translation>添加关系 %s</translation>
    </message>
    <message>
        <source>delete relation %s</source>
        <translation>删除关系 %s</translation>
    </message>
    <message>
        <source>change relation %s</source>
        <translation>修改关系 %s</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>Merge projects…</source>
        <translation>合并项目…</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>标注一致性…</translation>
    </message>
    <message>
        <source>Merge projects</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <source>Merging projects</source>
        <translation>正在合并项目</translation>
    </message>
    <message>
        <source>Sync with Label Studio…</source>
        <translation>与 Label Studio 同步…</translation>
    </message>
    <message>
        <source>Syncing with Label Studio</source>
        <translation>正在与 Label Studio 同步</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>正在计算一致性</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="59" />
        <source>Pairing-assistance annotator — %s</source>
        <translation>对口支援报告标注工具 — %s</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="59" />
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="79" />
        <source>Filter by name or text…</source>
        <translation>按名称或正文筛选…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="94" />
        <source>Find in the text (Enter: next, Esc: close)</source>
        <translation>在正文中查找（回车：下一个，Esc：关闭）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="135" />
        <location filename="../annotator/gui/main_window.py" line="216" />
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="176" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="177" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="178" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="179" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="181" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="182" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="183" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="187" />
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="188" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="190" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="191" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="192" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="193" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="194" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="195" />
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="197" />
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="198" />
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="199" />
        <source>Accept all suggestions in this document</source>
        <translation>接受本文档的全部建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="200" />
        <source>Suggest for the whole project…</source>
        <translation>为整个项目生成建议…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="202" />
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="203" />
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="205" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="206" />
        <source>Next document</source>
        <translation>下一篇文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="207" />
        <source>Previous document</source>
        <translation>上一篇文档</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="208" />
        <source>Mark done, open next</source>
        <translation>标记完成并打开下一篇</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="209" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="210" />
        <source>Bigger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="211" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="212" />
        <source>Show the original text</source>
        <translation>显示原始文本</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="214" />
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="215" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="250" />
        <source>Label the selection %s (key %s)</source>
        <translation>将所选文本标为 %s（按键 %s）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="254" />
        <source>Label %s</source>
        <translation>标为 %s</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="260" />
        <source>All spans</source>
        <translation>全部标注</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="279" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="280" />
        <source>Annotation projects (*.annot)</source>
        <translation>标注项目 (*.annot)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="285" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="286" />
        <source>Annotation projects (*.annot);;All files (*)</source>
        <translation>标注项目 (*.annot);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="309" />
        <source>No backups of this project yet.</source>
        <translation>此项目还没有备份。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="312" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="313" />
        <source>Backups are made each time the project is opened; the current state is backed up before a restore. Restore:</source>
        <translation>每次打开项目时都会备份；恢复前会先备份当前状态。要恢复的备份：</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="370" />
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="371" />
        <source>Reports (*.txt *.html *.htm *.docx);;All files (*)</source>
        <translation>报告 (*.txt *.html *.htm *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="376" />
        <source>Import a folder of reports</source>
        <translation>导入报告文件夹</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="420" />
        <source>Importing reports</source>
        <translation>正在导入报告</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="450" />
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="456" />
        <source>Exported %d documents, %d spans to %s</source>
        <translation>已导出 %d 篇文档、%d 个标注到 %s</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="498" />
        <source>On this document: %d:%02d</source>
        <translation>本文档用时：%d:%02d</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="517" />
        <source>Showing the original text: labels are made on the normalized text (Ctrl+R to go back).</source>
        <translation>正在显示原始文本：标注只能在规范化文本上进行（按 Ctrl+R 返回）。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="519" />
        <source>Showing the normalized text.</source>
        <translation>正在显示规范化文本。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="536" />
        <source>Not found: %s</source>
        <translation>未找到：%s</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="567" />
        <source>Every document is done.</source>
        <translation>所有文档均已完成。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="581" />
        <source>Select some text first.</source>
        <translation>请先选择文本。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="584" />
        <source>Labels are made on the normalized text: press Ctrl+R to go back.</source>
        <translation>标注只能在规范化文本上进行：按 Ctrl+R 返回。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="591" />
        <source>The selection holds no text to label.</source>
        <translation>所选内容没有可标注的文本。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="655" />
        <source>No suggestion here.</source>
        <translation>此处没有建议。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="668" />
        <source>No suggestions in this document.</source>
        <translation>本文档没有建议。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="672" />
        <source>Accepted %d suggestions.</source>
        <translation>已接受 %d 条建议。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="678" />
        <source>Suggesting spans</source>
        <translation>正在生成建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="688" />
        <source>%d suggestions added.</source>
        <translation>已添加 %d 条建议。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="718" />
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="721" />
        <source>Redone</source>
        <translation>已重做</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="725" />
        <source>Nothing to undo or redo.</source>
        <translation>没有可撤销或重做的操作。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="764" />
        <source>Annotator: %s</source>
        <translation>标注员：%s</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="766" />
        <source>Done %d / %d</source>
        <translation>已完成 %d / %d</translation>
    </message>
    <message>
        <source>This project is already open in %s. You can work in both: every change is saved at once and each window shows the other's new documents.</source>
        <translation>此项目已在%s中打开。两处都可以工作：每处改动都立即保存，各窗口会显示对方新增的文档。</translation>
    </message>
    <message>
        <source>This project is already open in this window.</source>
        <translation>此项目已在本窗口中打开。</translation>
    </message>
    <message>
        <source>Backups are off: %s</source>
        <translation>备份已关闭：%s</translation>
    </message>
    <message>
        <source>%d suggestion(s) in this document are still undecided. A done document keeps no undecided suggestions: accept the rest, reject the rest, or go back and decide them one by one.</source>
        <translation>本文档仍有 %d 条建议未处理。已完成的文档不留未处理的建议：接受其余建议、拒绝其余建议，或返回逐条处理。</translation>
    </message>
    <message>
        <source>Accept the rest</source>
        <translation>接受其余建议</translation>
    </message>
    <message>
        <source>Reject the rest</source>
        <translation>拒绝其余建议</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Left out: %d document(s) not marked done, %d pending suggestion(s).</source>
        <translation>未导出：%d 个未标记完成的文档，%d 条待定建议。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>site</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>Suggestions decided %d / %d</source>
        <translation>建议已处理 %d / %d</translation>
    </message>
    <message>
        <source>Select a span first (click it, or Tab to it).</source>
        <translation>请先选中一个标注（点击它，或按 Tab 键）。</translation>
    </message>
    <message>
        <source>Span end one character right</source>
        <translation>标注结尾右移一个字</translation>
    </message>
    <message>
        <source>Span end one character left</source>
        <translation>标注结尾左移一个字</translation>
    </message>
    <message>
        <source>Span start one character right</source>
        <translation>标注开头右移一个字</translation>
    </message>
    <message>
        <source>Span start one character left</source>
        <translation>标注开头左移一个字</translation>
    </message>
    <message>
        <source>Span end one word right</source>
        <translation>标注结尾右移一个词</translation>
    </message>
    <message>
        <source>Span end one word left</source>
        <translation>标注结尾左移一个词</translation>
    </message>
    <message>
        <source>Span start one word right</source>
        <translation>标注开头右移一个词</translation>
    </message>
    <message>
        <source>Span start one word left</source>
        <translation>标注开头左移一个词</translation>
    </message>
    <message>
        <source>accept %d suggestion(s)</source>
        <translation>接受 %d 条建议</translation>
    </message>
    <message>
        <source>decide %d suggestion(s)</source>
        <translation>处理 %d 条建议</translation>
    </message>
    <message>
        <source>label %s %s in place of suggestions</source>
        <translation>标注 %s %s，替换建议</translation>
    </message>
    <message>
        <source>add %s %s</source>
        <translation>添加 %s %s</translation>
    </message>
    <message>
        <source>delete %s %s</source>
        <translation>删除 %s %s</translation>
    </message>
    <message>
        <source>accept %s %s</source>
        <translation>接受 %s %s</translation>
    </message>
    <message>
        <source>reject %s %s</source>
        <translation>拒绝 %s %s</translation>
    </message>
    <message>
        <source>resize %s %s</source>
        <translation>调整 %s %s 的边界</translation>
    </message>
    <message>
        <source>relabel %s as %s</source>
        <translation>将 %s 改标为 %s</translation>
    </message>
    <message>
        <source>document status</source>
        <translation>文档状态</translation>
    </message>
    <message>
        <source>an import's changes to %d span(s)</source>
        <translation>一次导入对 %d 个标注的更改</translation>
    </message>
    <message>
        <source>Show rejected spans</source>
        <translation>显示已拒绝的标注</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Move by a word (with Shift: select)</source>
        <translation>按词移动（加 Shift：选择）</translation>
    </message>
    <message>
        <source>Double-click / triple-click</source>
        <translation>双击 / 三击</translation>
    </message>
    <message>
        <source>Select the word / the sentence</source>
        <translation>选中词 / 句子</translation>
    </message>
    <message>
        <source>Search the guidelines (Enter: next)</source>
        <translation>搜索标注规范（回车：下一个）</translation>
    </message>
    <message>
        <source>Adjudicate this document</source>
        <translation>裁定本文档</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>所标</translation>
    </message>
    <message>
        <source>1–%d: an annotator's version · B: both · 0 or N: neither · ←/→: previous/next · Ctrl+Z: undo · Esc: leave</source>
        <translation>1–%d：选用该标注员的版本 · B：两者都要 · 0 或 N：都不要 · ←/→：上一处/下一处 · Ctrl+Z：撤销 · Esc：退出</translation>
    </message>
    <message>
        <source>No disagreements left: %d of %d decided. Esc leaves adjudication.</source>
        <translation>没有待裁定的分歧：已裁定 %d / %d。按 Esc 退出裁定。</translation>
    </message>
    <message>
        <source>Disagreement %d of %d (%d decided) · %s [%d, %d)</source>
        <translation>分歧 %d / %d（已裁定 %d）· %s [%d, %d)</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者都要</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>都不要</translation>
    </message>
    <message>
        <source>Adjudicating as %s: %d span(s) all annotators agree on were accepted.</source>
        <translation>以 %s 身份裁定：所有标注员一致的 %d 个标注已直接采纳。</translation>
    </message>
    <message>
        <source>Every disagreement is decided: the document is adjudicated.</source>
        <translation>所有分歧均已裁定：本文档裁定完成。</translation>
    </message>
    <message>
        <source>an adjudication decision on %d span(s)</source>
        <translation>一次涉及 %d 个标注的裁定</translation>
    </message>
    <message>
        <source>Order the list by need (rules and model disagree most)</source>
        <translation>按需要度排列文档（规则与模型分歧最大的在前）</translation>
    </message>
    <message>
        <source>A training is already running.</source>
        <translation>已有一次训练正在进行。</translation>
    </message>
    <message>
        <source>Retraining by itself stopped for this session: %s (Edit &gt; Train a model trains by hand)</source>
        <translation>本次会话不再自动重新训练：%s（可用“编辑 &gt; 用已完成的文档训练模型”手动训练）</translation>
    </message>
    <message>
        <source>%d of %d unfinished documents scored by need.</source>
        <translation>已为 %d / %d 篇未完成文档计算需要度。</translation>
    </message>
    <message>
        <source>Model retrained (F1 model / rules): %s.</source>
        <translation>模型已重新训练（F1，模型 / 规则）：%s。</translation>
    </message>
    <message>
        <source>No document has a need score yet: train a model first (Edit &gt; Train a model).</source>
        <translation>还没有文档有需要度：请先训练模型（编辑 &gt; 用已完成的文档训练模型）。</translation>
    </message>
    <message>
        <source>Stop this training (the model stays as it was)</source>
        <translation>停止本次训练（模型保持原样）</translation>
    </message>
    <message>
        <source>Retraining after %d documents done</source>
        <translation>已完成 %d 篇文档，正在重新训练</translation>
    </message>
    <message>
        <source>Ordering documents by need</source>
        <translation>正在按需要度排列文档</translation>
    </message>
    <message>
        <source>Stop scoring (the new model and the scores made so far stay)</source>
        <translation>停止计算（新模型和已算出的分数保留）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with Label Studio</source>
        <translation>与 Label Studio 同步</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Your Label Studio access token (Account &amp; Settings); kept in your config folder, readable only by you, never in the project</source>
        <translation>你的 Label Studio 访问令牌（Account &amp; Settings）；保存在你的配置文件夹中，仅你可读，从不写入项目文件</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="27" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="31" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="32" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="47" />
        <source>Annotator name (stored with every span)</source>
        <translation>标注员姓名（随每个标注保存）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="50" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="54" />
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="55" />
        <source>Snap selections to whole words (jieba)</source>
        <translation>选择时对齐到整词（jieba）</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="58" />
        <source>Suggest spans when a document opens and after each new label</source>
        <translation>打开文档时及每次新标注后生成建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="66" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="83" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="83" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="83" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="84" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="84" />
        <source>Hotkey</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="84" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="90" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="91" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="92" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="93" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="102" />
        <source>Edit a cell to rename, retitle or change a hotkey (1-9); double-click a colour to choose another; kind is entity or clause.</source>
        <translation>编辑单元格可重命名、修改显示名或快捷键（1-9）；双击颜色可更换；类型为 entity（实体）或 clause（小句）。</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="143" />
        <source>Label colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="153" />
        <source>New label</source>
        <translation>新标签</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="153" />
        <source>Name (letters, digits, _):</source>
        <translation>名称（字母、数字、_）：</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="168" />
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../annotator/gui/settings_dialog.py" line="169" />
        <source>%s is used by %d span(s). Move them to:</source>
        <translation>%s 被 %d 个标注使用。将它们移到：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> documents</source>
        <translation> 篇文档</translation>
    </message>
    <message>
        <source>Each time this many more documents are marked done, a spaCy model is trained again in the background (the status bar shows how far it is and its scores); 0 turns this off. Needs spaCy.</source>
        <translation>每当又有这么多篇文档标为完成，就在后台重新训练 spaCy 模型（状态栏显示进度和得分）；设为 0 即关闭。需要安装 spaCy。</translation>
    </message>
    <message>
        <source>Retrain the model after every</source>
        <translation>自动重新训练模型：每完成</translation>
    </message>
    <message>
        <source>Off (0) by default. Counts the documents marked done since the last training; it also orders the unfinished documents by need (Go &gt; Order the list by need).</source>
        <translation>默认关闭（0）。计算自上次训练以来标为完成的文档数；训练后还会按需要度排列未完成的文档（转到 &gt; 按需要度排列文档）。</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../annotator/gui/span_list.py" line="22" />
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="18" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="18" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="18" />
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="18" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="19" />
        <source>manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="19" />
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="19" />
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="20" />
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="20" />
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="20" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../annotator/gui/workers.py" line="36" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProjectLock</name>
    <message>
        <source>another window</source>
        <translation>另一个窗口</translation>
    </message>
    <message>
        <source>another window (%s, process %d on %s)</source>
        <translation>另一个窗口（%s，进程 %d，主机 %s）</translation>
    </message>
</context>
</TS>