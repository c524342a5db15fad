<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bo_CN" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>确定(&amp;K)</source>
        <translation>གཏན་འཁེལ།(&amp;K)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>མེད་པར་བཟོ།</translation>
    </message>
</context>
<context>
    <name>AddOperatorDialog</name>
    <message>
        <source>添加操作员</source>
        <translation>བཀོལ་སྤྱོད་པ་ཁ་སྣོན།</translation>
    </message>
    <message>
        <source>账号(&amp;L)</source>
        <translation>ཐོ་ཨང་།(&amp;L)</translation>
    </message>
    <message>
        <source>2–32 个字母、数字或 _ . -，登录时使用</source>
        <translation>ཡི་གེ་དང་ཨང་ཀི། _ . - བཅས་ 2–32 ནང་འཁོད། ནང་འཛུལ་སྐབས་བེད་སྤྱོད།</translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation>མིང་།(&amp;N)</translation>
    </message>
    <message>
        <source>角色(&amp;R)</source>
        <translation>འགན་གནས།(&amp;R)</translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation>ཁ་སྣོན།(&amp;A)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>མེད་པར་བཟོ།</translation>
    </message>
    <message>
        <source>账号：{problem}</source>
        <translation>ཐོ་ཨང་: {problem}</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>更正原因</source>
        <translation>ཞུ་དག་གི་རྒྱུ་མཚན།</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>ཞུ་དག</translation>
    </message>
    <message>
        <source>更正办件信息</source>
        <translation>ལས་དོན་གྱི་ཆ་འཕྲིན་ཞུ་དག</translation>
    </message>
    <message>
        <source>改正录入错误。原值保留在办理记录中；此后打印的文书显示更正后的信息，并标为副本。</source>
        <translation>འཇུག་སྣོན་ནོར་འཁྲུལ་ཞུ་དག་བྱེད། སྔར་གྱི་གྲངས་ཀ་ལས་སྒྲུབ་ཟིན་ཐོའི་ནང་ཉར་ཡོད། འདི་རྗེས་པར་བསྐྲུན་པའི་ཡིག་ཆར་ཞུ་དག་རྗེས་ཀྱི་ཆ་འཕྲིན་སྟོན་ཞིང་། འདྲ་བཤུས་སུ་མཚོན།</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>更正原因(&amp;Y)：</source>
        <translation>ཞུ་དག་གི་རྒྱུ་མཚན(&amp;Y):</translation>
    </message>
    <message>
        <source>例如：姓名录入错字</source>
        <translation>དཔེར་ན། མིང་འཇུག་སྐབས་ཡི་གེ་ནོར།</translation>
    </message>
    <message>
        <source>没有改动。</source>
        <translation>བཟོ་བཅོས་མེད།</translation>
    </message>
    <message>
        <source>请填写更正原因。</source>
        <translation>ཞུ་དག་གི་རྒྱུ་མཚན་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>ApplicantStep</name>
    <message>
        <source>申请人</source>
        <translation>རེ་ཞུ་བ།</translation>
    </message>
    <message>
        <source>姓名或单位名称(&amp;A)</source>
        <translation>མིང་ངམ་ལས་ཁུངས་ཀྱི་མིང་།(&amp;A)</translation>
    </message>
    <message>
        <source>藏文姓名(&amp;T)</source>
        <translation>བོད་ཡིག་གི་མིང་།(&amp;T)</translation>
    </message>
    <message>
        <source>证件类型(&amp;I)</source>
        <translation>ལག་ཁྱེར་གྱི་རིགས།(&amp;I)</translation>
    </message>
    <message>
        <source>证件号码(&amp;D)</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས།(&amp;D)</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)</source>
        <translation>འབྲེལ་གཏུག་ཁ་པར།(&amp;P)</translation>
    </message>
    <message>
        <source>村（居）(&amp;V)</source>
        <translation>གྲོང་ཚོ། (སྡོད་ཁུལ།)(&amp;V)</translation>
    </message>
    <message>
        <source>详细地址(&amp;E)</source>
        <translation>ཞིབ་ཕྲའི་ས་གནས།(&amp;E)</translation>
    </message>
    <message>
        <source>办理方式(&amp;M)</source>
        <translation>སྒྲུབ་སྟངས།(&amp;M)</translation>
    </message>
    <message>
        <source>代办人姓名(&amp;G)</source>
        <translation>ཚབ་སྒྲུབ་པའི་མིང་།(&amp;G)</translation>
    </message>
    <message>
        <source>代办人证件类型(&amp;Y)</source>
        <translation>ཚབ་སྒྲུབ་པའི་ལག་ཁྱེར་གྱི་རིགས།(&amp;Y)</translation>
    </message>
    <message>
        <source>代办人证件号码(&amp;U)</source>
        <translation>ཚབ་སྒྲུབ་པའི་ལག་ཁྱེར་ཨང་གྲངས།(&amp;U)</translation>
    </message>
    <message>
        <source>与申请人关系(&amp;L)</source>
        <translation>རེ་ཞུ་བ་དང་འབྲེལ་བ།(&amp;L)</translation>
    </message>
    <message>
        <source>代办人电话(&amp;H)</source>
        <translation>ཚབ་སྒྲུབ་པའི་ཁ་པར།(&amp;H)</translation>
    </message>
    <message>
        <source>授权方式(&amp;K)</source>
        <translation>དབང་སྤྲོད་སྟངས།(&amp;K)</translation>
    </message>
    <message>
        <source>授权范围(&amp;O)</source>
        <translation>དབང་སྤྲོད་ཁྱབ་ཁོངས།(&amp;O)</translation>
    </message>
    <message>
        <source>授权有效期至(&amp;W)</source>
        <translation>དབང་སྤྲོད་ནུས་ལྡན་དུས་མཚམས།(&amp;W)</translation>
    </message>
    <message>
        <source>委托书编号(&amp;C)</source>
        <translation>བཅོལ་འཛིན་ཡི་གེའི་ཨང་གྲངས།(&amp;C)</translation>
    </message>
    <message>
        <source>代办人与授权委托</source>
        <translation>ཚབ་སྒྲུབ་པ་དང་དབང་སྤྲོད་བཅོལ་འཛིན།</translation>
    </message>
    <message>
        <source>特殊群体（优先办理，可多选）</source>
        <translation>དམིགས་བསལ་མི་ཚོགས། (སྔོན་ལ་སྒྲུབ། མང་པོ་འདེམས་ཆོག)</translation>
    </message>
    <message>
        <source>本站记录</source>
        <translation>ས་ཚིགས་འདིའི་ཟིན་ཐོ།</translation>
    </message>
    <message>
        <source>打开该办件(&amp;J)</source>
        <translation>ལས་དོན་དེ་ཁ་ཕྱེ(&amp;J)</translation>
    </message>
    <message>
        <source>证件号码和电话离开输入框时即核对。选“代办”时须登记代办人和授权委托。</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་ནང་འཇུག་སྒྲོམ་ནས་ཕྱིར་ཐོན་མ་ཐག་ཞིབ་བཤེར་བྱེད། “ཚབ་སྒྲུབ” བདམས་ན་ཚབ་སྒྲུབ་པ་དང་དབང་སྤྲོད་བཅོལ་འཛིན་ཐོ་འགོད་བྱེད་དགོས།</translation>
    </message>
    <message>
        <source>选填</source>
        <translation>རང་མོས།</translation>
    </message>
    <message>
        <source>选填，如 {example}</source>
        <translation>རང་མོས། དཔེར་ན། {example}</translation>
    </message>
    <message>
        <source>如：代为申请、领取结果</source>
        <translation>དཔེར་ན། ཚབ་ཏུ་རེ་ཞུ་འབུལ་བ་དང་སྒྲུབ་འབྲས་ལེན་པ།</translation>
    </message>
    <message>
        <source>已按本站记录填入此人的信息，请与证件核对。</source>
        <translation>ས་ཚིགས་འདིའི་ཟིན་ཐོ་ལྟར་མི་འདིའི་ཆ་འཕྲིན་བཀང་ཟིན། ལག་ཁྱེར་དང་བསྡུར་ནས་ཞིབ་བཤེར་གནང་རོགས།</translation>
    </message>
    <message>
        <source>此人已有同一事项的办件在办：{case}（{status}，{day}）。请确认不是重复申请。</source>
        <translation>མི་འདིར་ལས་དོན་གཅིག་པའི་ལས་དོན་སྒྲུབ་བཞིན་ཡོད: {case} ({status}, {day})། ཞུ་ཡིག་བསྐྱར་ཟློས་མིན་པ་གཏན་འཁེལ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>该证件号码在本站曾以“{names}”的姓名办理，请核对证件。</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་འདི་ས་ཚིགས་འདིར་སྔོན་ཆད་&quot;{names}&quot; ཞེས་པའི་མིང་ཐོག་སྒྲུབ་མྱོང་། ལག་ཁྱེར་ཞིབ་བཤེར་གནང་རོགས།</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>དམིགས་བསལ་མི་ཚོགས།</translation>
    </message>
    <message>
        <source>代办人电话</source>
        <translation>ཚབ་སྒྲུབ་པའི་ཁ་པར།</translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation>དབང་སྤྲོད་བཅོལ་འཛིན།</translation>
    </message>
    <message>
        <source>证件</source>
        <translation>ལག་ཁྱེར།</translation>
    </message>
    <message>
        <source>办理方式</source>
        <translation>སྒྲུབ་སྟངས།</translation>
    </message>
    <message>
        <source>代办人</source>
        <translation>ཚབ་སྒྲུབ་པ།</translation>
    </message>
</context>
<context>
    <name>AuthorisationText</name>
    <message>
        <source>范围：{scope}</source>
        <translation>ཁྱབ་ཁོངས། {scope}</translation>
    </message>
    <message>
        <source>有效期至 {until}</source>
        <translation>ནུས་ལྡན་དུས་མཚམས། {until}</translation>
    </message>
    <message>
        <source>未写明</source>
        <translation>གསལ་བཤད་མེད།</translation>
    </message>
    <message>
        <source>编号 {ref}</source>
        <translation>ཨང་གྲངས། {ref}</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>导入离线包</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ནང་འདྲེན།</translation>
    </message>
    <message>
        <source>驻村工作队带回的离线包（U 盘或笔记本电脑上的 .bmb 文件）由本站转交平台。本服务站工作队的离线包，其中的办件同时收入本机记录（断网时也可以），可以在本窗口继续办理；其他离线包已加密，本站无法读取。校验通过后才会转交，平台只保留一份。</source>
        <translation>གྲོང་སྡོད་ལས་དོན་རུ་ཁག་གིས་ཁྱེར་ཡོང་བའི་དྲ་མེད་ཐུམ་སྒྲིལ་ (U སྡེར་རམ་ལག་ཐོགས་གློག་ཀླད་ཐོག་གི་ .bmb ཡིག་ཆ།) ས་ཚིགས་འདིས་སྟེགས་བུར་བརྒྱུད་སྐྱེལ་བྱེད། ཞབས་ཞུ་ས་ཚིགས་འདིའི་ལས་དོན་རུ་ཁག་གི་དྲ་མེད་ཐུམ་སྒྲིལ་ནང་གི་ལས་དོན་རྣམས་སྒྲིག་ཆས་འདིའི་ཟིན་ཐོར་ཡང་བསྡུ། (དྲ་བ་ཆད་དུས་ཀྱང་ཆོག) སྒེའུ་ཁུང་འདིར་མུ་མཐུད་སྒྲུབ་ཆོག དྲ་མེད་ཐུམ་སྒྲིལ་གཞན་དག་གསང་སྡོམ་བྱས་ཡོད་པས་ས་ཚིགས་འདིས་ཀློག་ཐབས་མེད། ཞིབ་བཤེར་ཐོན་རྗེས་ཁོ་ན་བརྒྱུད་སྐྱེལ་བྱེད་ཅིང་། སྟེགས་བུས་ཚན་གཅིག་ཁོ་ན་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <source>离线包文件(&amp;F)：</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ཡིག་ཆ(&amp;F):</translation>
    </message>
    <message>
        <source>选择文件(&amp;B)…</source>
        <translation>ཡིག་ཆ་འདེམས(&amp;B)…</translation>
    </message>
    <message>
        <source>来自服务站：</source>
        <translation>ཡོང་ཁུངས་ཞབས་ཞུ་ས་ཚིགས:</translation>
    </message>
    <message>
        <source>导出时间：</source>
        <translation>ཕྱིར་འདྲེན་དུས་ཚོད:</translation>
    </message>
    <message>
        <source>办件：</source>
        <translation>ལས་དོན:</translation>
    </message>
    <message>
        <source>扫描材料：</source>
        <translation>བཤེར་པར་ཡིག་ཆ:</translation>
    </message>
    <message>
        <source>文件大小：</source>
        <translation>ཡིག་ཆའི་ཆེ་ཆུང་:</translation>
    </message>
    <message>
        <source>校验：</source>
        <translation>ཞིབ་བཤེར:</translation>
    </message>
    <message>
        <source>导入并转交平台(&amp;I)</source>
        <translation>ནང་འདྲེན་བྱས་ནས་སྟེགས་བུར་བརྒྱུད་སྐྱེལ།(&amp;I)</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>སྒོ་རྒྱག(&amp;C)</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{cases} 件（日志事件 {events} 条）</source>
        <translation>ལས་དོན་ {cases} (ཉིན་ཐོའི་དོན་རྐྱེན་ {events})</translation>
    </message>
    <message>
        <source>{n} 份（{mb} MB）</source>
        <translation>ཚན་ {n} ({mb} MB)</translation>
    </message>
    <message>
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <source>签名和完整性校验通过；本站已于 {at} 将它送达平台</source>
        <translation>མིང་རྟགས་དང་ཆ་ཚང་རང་བཞིན་གྱི་ཞིབ་བཤེར་ཐོན་སོང་། ས་ཚིགས་འདིས་ {at} ལ་དེ་སྟེགས་བུར་སྐྱེལ་འབྱོར་ཟིན།</translation>
    </message>
    <message>
        <source>签名和完整性校验通过；上次转交中断（平台已收到 {pct}%），导入将从断点继续</source>
        <translation>མིང་རྟགས་དང་ཆ་ཚང་རང་བཞིན་གྱི་ཞིབ་བཤེར་ཐོན་སོང་། ཐེངས་སྔོན་མའི་བརྒྱུད་སྐྱེལ་བར་ཆད་བྱུང་། (སྟེགས་བུར་ {pct}% འབྱོར་ཟིན།) ནང་འདྲེན་ཆད་ས་ནས་མུ་མཐུད་བྱེད་རྒྱུ།</translation>
    </message>
    <message>
        <source>签名和完整性校验通过</source>
        <translation>མིང་རྟགས་དང་ཆ་ཚང་རང་བཞིན་གྱི་ཞིབ་བཤེར་ཐོན་སོང་།</translation>
    </message>
    <message>
        <source>（内容已加密，平台和本机能读取：导入时其办件收入本机记录）</source>
        <translation>(ནང་དོན་གསང་སྡོམ་བྱས་ཡོད། སྟེགས་བུ་དང་སྒྲིག་ཆས་འདིས་ཀློག་ཐུབ། ནང་འདྲེན་བྱེད་སྐབས་དེའི་ལས་དོན་རྣམས་སྒྲིག་ཆས་འདིའི་ཟིན་ཐོར་བསྡུ།)</translation>
    </message>
    <message>
        <source>已收入本机记录：工作队（{device}号设备）的办件 {cases} 件，新日志事件 {events} 条，扫描材料 {scans} 份；可在本机查找、继续办理和出件</source>
        <translation>སྒྲིག་ཆས་འདིའི་ཟིན་ཐོར་བསྡུས་ཟིན། ལས་དོན་རུ་ཁག་ (སྒྲིག་ཆས་ཨང་{device}) གི་ལས་དོན་ {cases}། ཉིན་ཐོའི་དོན་རྐྱེན་གསར་པ་ {events}། བཤེར་པར་ཡིག་ཆ་ {scans}། སྒྲིག་ཆས་འདིའི་ཐོག་འཚོལ་བ་དང་། མུ་མཐུད་སྒྲུབ་པ། གྲུབ་འབྲས་སྤྲོད་པ་བཅས་བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>已转交平台：平台新收日志事件 {stored} 条，此前已有 {duplicate} 条，拒收 {rejected} 条；扫描材料 {attachments} 份。平台回执已写入 {ack}，请交给工作队，在原电脑上导入回执。</source>
        <translation>སྟེགས་བུར་བརྒྱུད་སྐྱེལ་ཟིན: སྟེགས་བུས་ཉིན་ཐོའི་དོན་རྐྱེན་གསར་པ་ {stored} བསྡུ་ལེན་བྱས། སྔར་ནས་ཡོད་པ་ {duplicate}། ཕྱིར་སློག་ {rejected}། བཤེར་པར་ཡིག་ཆ་ཚན་ {attachments}། སྟེགས་བུའི་འབྱོར་ལན་ {ack} ནང་དུ་བྲིས་ཟིན། དེ་ལས་དོན་རུ་ཁག་ལ་སྤྲད་ནས་སྔར་གྱི་གློག་ཀླད་ཐོག་འབྱོར་ལན་ནང་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>选择离线包</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་འདེམས།</translation>
    </message>
    <message>
        <source>离线包 (*.bmb);;所有文件 (*)</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ (*.bmb);;ཡིག་ཆ་ཡོངས (*)</translation>
    </message>
    <message>
        <source>正在校验离线包…</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ཞིབ་བཤེར་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>正在转交平台…</source>
        <translation>སྟེགས་བུར་བརྒྱུད་སྐྱེལ་བྱེད་བཞིན་པ…</translation>
    </message>
</context>
<context>
    <name>CaseDetailPage</name>
    <message>
        <source>返回办件查询(&amp;B)</source>
        <translation>ལས་དོན་འཚོལ་ཞིབ་ལ་ཕྱིར་ལོག(&amp;B)</translation>
    </message>
    <message>
        <source>办件信息</source>
        <translation>ལས་དོན་ཆ་འཕྲིན།</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>རེ་ཞུའི་ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>སྒྲུབ་པའི་བརྒྱུད་རིམ།</translation>
    </message>
    <message>
        <source>差评整改回访</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག་དང་བསྐྱར་འདྲི།</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>རེ་ཞུ་བ</translation>
    </message>
    <message>
        <source>代办人</source>
        <translation>ཚབ་སྒྲུབ་པ</translation>
    </message>
    <message>
        <source>授权委托</source>
        <translation>དབང་སྤྲོད་བཅོལ་འཛིན།</translation>
    </message>
    <message>
        <source>办理方式</source>
        <translation>སྒྲུབ་སྟངས</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>དམིགས་བསལ་མི་ཚོགས།</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>དོན་ཚན</translation>
    </message>
    <message>
        <source>受理决定</source>
        <translation>ངོས་ལེན་ཐག་གཅོད</translation>
    </message>
    <message>
        <source>收件时间</source>
        <translation>བསྡུ་ལེན་དུས་ཚོད</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>ངོས་ལེན་དུས་ཚོད</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>སྒྲུབ་ཚར་དུས་བཀག</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>སྒྲུབ་འབྲས</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>སྐྱེལ་འབྱོར</translation>
    </message>
    <message>
        <source>平台办件编号</source>
        <translation>སྟེགས་བུའི་ལས་དོན་ཨང་གྲངས</translation>
    </message>
    <message>
        <source>核验码</source>
        <translation>ཞིབ་བཤེར་ཨང་རྟགས</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>གནས་ཚུལ།</translation>
    </message>
    <message>
        <source>补交期限</source>
        <translation>ཕྱིས་སྤྲོད་དུས་བཀག</translation>
    </message>
    <message>
        <source>补正材料已收到(&amp;R)</source>
        <translation>ཁ་སྐོང་ཞུ་དག་ཡིག་ཆ་འབྱོར་ཟིན།(&amp;R)</translation>
    </message>
    <message>
        <source>补交容缺材料(&amp;S)</source>
        <translation>ཆད་ཆོག་ཡིག་ཆ་ཕྱིས་སྤྲོད།(&amp;S)</translation>
    </message>
    <message>
        <source>办结(&amp;C)</source>
        <translation>སྒྲུབ་ཚར།(&amp;C)</translation>
    </message>
    <message>
        <source>送达 / 领取(&amp;D)</source>
        <translation>སྐྱེལ་འབྱོར། / ལེན་པ།(&amp;D)</translation>
    </message>
    <message>
        <source>撤回(&amp;W)</source>
        <translation>ཕྱིར་འཐེན།(&amp;W)</translation>
    </message>
    <message>
        <source>撤销受理(&amp;V)…</source>
        <translation>ངོས་ལེན་རྩིས་མེད(&amp;V)…</translation>
    </message>
    <message>
        <source>更正(&amp;G)…</source>
        <translation>ཞུ་དག(&amp;G)…</translation>
    </message>
    <message>
        <source>扫描件(&amp;F)…</source>
        <translation>བཤེར་པར(&amp;F)…</translation>
    </message>
    <message>
        <source>承诺核查(&amp;H)…</source>
        <translation>ཁས་ལེན་ཞིབ་བཤེར(&amp;H)…</translation>
    </message>
    <message>
        <source>打印 / 补打(&amp;P)</source>
        <translation>པར་འདེབས། / བསྐྱར་པར།(&amp;P)</translation>
    </message>
    <message>
        <source>好差评(&amp;E)</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད།(&amp;E)</translation>
    </message>
    <message>
        <source>差评整改(&amp;Z)…</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག(&amp;Z)…</translation>
    </message>
    <message>
        <source>差评回访(&amp;U)…</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བསྐྱར་འདྲི(&amp;U)…</translation>
    </message>
    <message>
        <source>处理冲突(&amp;X)…</source>
        <translation>འགལ་བ་ཐག་གཅོད(&amp;X)…</translation>
    </message>
    <message>
        <source>⚠ 冲突：此办件的处理有冲突，需要处理</source>
        <translation>⚠ འགལ་བ: ལས་དོན་འདིའི་ལས་སྒྲུབ་ལ་འགལ་བ་ཡོད་པས་ཐག་གཅོད་དགོས།</translation>
    </message>
    <message>
        <source>两台设备分别对此办件作了不能同时成立的处理。在处理冲突之前，办件暂按最后一项显示，不能办结、送达或撤回。请核实后点“处理冲突”，选择保留哪一项。</source>
        <translation>སྒྲིག་ཆས་གཉིས་ཀྱིས་ལས་དོན་འདིའི་ཐོག་དུས་མཉམ་དུ་འགྲུབ་མི་ཐུབ་པའི་ལས་སྒྲུབ་སོ་སོར་བྱས་འདུག འགལ་བ་ཐག་མ་བཅད་གོང་ལས་དོན་གནས་སྐབས་སུ་མཐའ་མའི་ལས་སྒྲུབ་ལྟར་མངོན་ཞིང་། སྒྲུབ་ཚར་དང་སྐྱེལ་འབྱོར། ཕྱིར་འཐེན་བྱེད་མི་ཐུབ། ཞིབ་བཤེར་བྱས་རྗེས་“འགལ་བ་ཐག་གཅོད”ལ་མནན་ནས་ཉར་རྒྱུ་གང་ཡིན་འདེམས་རོགས།</translation>
    </message>
    <message>
        <source>办件 {case_no}</source>
        <translation>ལས་དོན་ {case_no}</translation>
    </message>
    <message>
        <source>办件详情</source>
        <translation>ལས་དོན་ཞིབ་ཕྲ།</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>ཀློག་བཞིན་པ…</translation>
    </message>
    <message>
        <source>{status}（{due}）</source>
        <translation>{status} ({due})</translation>
    </message>
    <message>
        <source>{status}（有冲突，待处理）</source>
        <translation>{status} (འགལ་བ་ཡོད། ཐག་གཅོད་སྒུག་བཞིན།)</translation>
    </message>
    <message>
        <source>状态：{status}    窗口：{window}    受理人：{operator}</source>
        <translation>གནས་སྟངས: {status}    སྒེའུ་ཁུང་: {window}    ངོས་ལེན་པ: {operator}</translation>
    </message>
    <message>
        <source>受理设备：{device}</source>
        <translation>ངོས་ལེན་སྒྲིག་ཆས: {device}</translation>
    </message>
    <message>
        <source>追评(&amp;E)</source>
        <translation>རྗེས་མའི་དཔྱད་བརྗོད(&amp;E)</translation>
    </message>
    <message>
        <source>{groups}（优先办理）</source>
        <translation>{groups} (སྔོན་ལ་སྒྲུབ།)</translation>
    </message>
    <message>
        <source>{name}  {id}（{relation}）</source>
        <translation>{name}  {id} ({relation})</translation>
    </message>
    <message>
        <source>{due}（暂定）</source>
        <translation>{due} (གནས་སྐབས)</translation>
    </message>
    <message>
        <source>承诺 {promised}，法定 {legal}</source>
        <translation>ཁས་ལེན་ {promised}། ཁྲིམས་ལྡན་ {legal}</translation>
    </message>
    <message>
        <source>{year} 年尚无官方的全国节假日安排：标“暂定”的期限暂按法定节假日计算（不含调休上班），平台发布全国日历后可能变动。</source>
        <translation>ལོ་ {year} ཡི་རྒྱལ་ཡོངས་དུས་ཆེན་ངལ་གསོའི་གཏན་འཁེལ་གཞུང་འབྲེལ་ད་དུང་མེད། &quot;གནས་སྐབས&quot; ཞེས་མཚོན་པའི་དུས་བཀག་ནི་གནས་སྐབས་སུ་ཁྲིམས་ལྡན་ངལ་གསོའི་ཉིན་ལྟར་རྩིས་ཡོད། (ཚབ་ལས་མི་རྩིས།) སྟེགས་བུས་རྒྱལ་ཡོངས་ལོ་ཐོ་སྤེལ་རྗེས་འགྱུར་སྲིད།</translation>
    </message>
    <message>
        <source>补正期限 {due}</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག {due}</translation>
    </message>
    <message>
        <source>差评：{level}（{at}）</source>
        <translation>དཔྱད་བརྗོད་ངན་པ: {level} ({at})</translation>
    </message>
    <message>
        <source>整改期限：{due}</source>
        <translation>བཅོས་སྒྲིག་དུས་བཀག: {due}</translation>
    </message>
    <message>
        <source>（已超期，尚未整改）</source>
        <translation>(དུས་ཡོལ་ཟིན། ད་དུང་བཅོས་སྒྲིག་བྱས་མེད།)</translation>
    </message>
    <message>
        <source>整改：尚未整改</source>
        <translation>བཅོས་སྒྲིག: ད་དུང་བཅོས་སྒྲིག་བྱས་མེད།</translation>
    </message>
    <message>
        <source>整改：{note}（{operator}，{at}）</source>
        <translation>བཅོས་སྒྲིག: {note} ({operator}། {at})</translation>
    </message>
    <message>
        <source>回访：待回访</source>
        <translation>བསྐྱར་འདྲི: བསྐྱར་འདྲི་བྱ་རྒྱུ་ལྷག་ཡོད།</translation>
    </message>
    <message>
        <source>回访：整改后回访</source>
        <translation>བསྐྱར་འདྲི: བཅོས་སྒྲིག་རྗེས་བསྐྱར་འདྲི་བྱེད།</translation>
    </message>
    <message>
        <source>回访：{result}（{method}）{note}（{operator}，{at}）</source>
        <translation>བསྐྱར་འདྲི: {result} ({method}) {note} ({operator}། {at})</translation>
    </message>
    <message>
        <source>（{address}）</source>
        <translation>({address})</translation>
    </message>
    <message>
        <source>{method}，领取人 {who}，{at}</source>
        <translation>{method}། ལེན་མཁན་ {who}། {at}</translation>
    </message>
    <message>
        <source>{method}，运单号 {no}，{at}</source>
        <translation>{method}། སྐྱེལ་ཐོ་ཨང་གྲངས་ {no}། {at}</translation>
    </message>
    <message>
        <source>{method}，{at}</source>
        <translation>{method}། {at}</translation>
    </message>
    <message>
        <source>{state}（{form} {count} 份）</source>
        <translation>{state} ({form} ཚན་ {count})</translation>
    </message>
    <message>
        <source>{at}  {what}（{operator}）</source>
        <translation>{at}  {what} ({operator})</translation>
    </message>
    <message>
        <source>{at}  {what}（{operator}，{device}）</source>
        <translation>{at}  {what} ({operator}། {device})</translation>
    </message>
    <message>
        <source>（平台）</source>
        <translation>(སྟེགས་བུ)</translation>
    </message>
    <message>
        <source>收件：{name}，{mode}</source>
        <translation>བསྡུ་ལེན: {name}། {mode}</translation>
    </message>
    <message>
        <source>受理（{decision}）</source>
        <translation>ངོས་ལེན ({decision})</translation>
    </message>
    <message>
        <source>，承诺办结 {due}</source>
        <translation>། ཁས་ལེན་སྒྲུབ་ཚར་དུས་ {due}</translation>
    </message>
    <message>
        <source>，容缺后补：{materials}</source>
        <translation>། ཆད་ཆོག་ཕྱིས་སྤྲོད: {materials}</translation>
    </message>
    <message>
        <source>不予受理：{reason}</source>
        <translation>ངོས་ལེན་མི་བྱེད་པ: {reason}</translation>
    </message>
    <message>
        <source>一次性告知补正{src}</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད་དང་ཁ་སྐོང་ཞུ་དག{src}</translation>
    </message>
    <message>
        <source>，缺少：{materials}</source>
        <translation>། ཆད་པ: {materials}</translation>
    </message>
    <message>
        <source>，补正期限 {due}</source>
        <translation>། ཁ་སྐོང་ཞུ་དག་དུས་བཀག {due}</translation>
    </message>
    <message>
        <source>补正材料已收到：{materials}，重新受理，承诺办结 {due}</source>
        <translation>ཁ་སྐོང་ཞུ་དག་ཡིག་ཆ་འབྱོར་ཟིན: {materials}། བསྐྱར་དུ་ངོས་ལེན་བྱས། ཁས་ལེན་སྒྲུབ་ཚར་དུས་ {due}</translation>
    </message>
    <message>
        <source>补交材料：{material}</source>
        <translation>ཕྱིས་སྤྲོད་ཡིག་ཆ: {material}</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation>(དུས་ཡོལ)</translation>
    </message>
    <message>
        <source>开始办理{src}</source>
        <translation>སྒྲུབ་འགོ་ཚུགས{src}</translation>
    </message>
    <message>
        <source>特别程序开始{src}：{note}</source>
        <translation>དམིགས་བསལ་བྱ་རིམ་འགོ་ཚུགས{src}: {note}</translation>
    </message>
    <message>
        <source>特别程序结束，时限顺延 {days} 个工作日</source>
        <translation>དམིགས་བསལ་བྱ་རིམ་མཇུག་རྫོགས། དུས་ཚད་ལས་ཉིན་ {days} ཕྱིར་འགྱངས།</translation>
    </message>
    <message>
        <source>办结：{outcome}{src}</source>
        <translation>སྒྲུབ་ཚར: {outcome}{src}</translation>
    </message>
    <message>
        <source>（即办）</source>
        <translation>(འཕྲལ་སྒྲུབ)</translation>
    </message>
    <message>
        <source>，{note}</source>
        <translation>། {note}</translation>
    </message>
    <message>
        <source>送达：{method}，领取人 {who}</source>
        <translation>སྐྱེལ་འབྱོར: {method}། ལེན་མཁན་ {who}</translation>
    </message>
    <message>
        <source>送达：{method}，运单号 {no}</source>
        <translation>སྐྱེལ་འབྱོར: {method}། སྐྱེལ་ཐོ་ཨང་གྲངས་ {no}</translation>
    </message>
    <message>
        <source>送达：{method}</source>
        <translation>སྐྱེལ་འབྱོར: {method}</translation>
    </message>
    <message>
        <source>撤回：{reason}</source>
        <translation>ཕྱིར་འཐེན: {reason}</translation>
    </message>
    <message>
        <source>更正{fields}：{reason}</source>
        <translation>{fields} ཞུ་དག: {reason}</translation>
    </message>
    <message>
        <source>告知承诺核查：{result}{note}</source>
        <translation>བརྡ་ཁྱབ་ཁས་ལེན་ཞིབ་བཤེར: {result}{note}</translation>
    </message>
    <message>
        <source>撤销受理决定：{reason}</source>
        <translation>ངོས་ལེན་གྱི་ཐག་གཅོད་རྩིས་མེད: {reason}</translation>
    </message>
    <message>
        <source>申请人到窗口（{purpose}）</source>
        <translation>རེ་ཞུ་བ་སྒེའུ་ཁུང་དུ་འབྱོར ({purpose})</translation>
    </message>
    <message>
        <source>打印{kind}</source>
        <translation>{kind} པར་འདེབས།</translation>
    </message>
    <message>
        <source>补打{kind}（副本 {copy}）</source>
        <translation>{kind} བསྐྱར་པར། (འདྲ་པར་ {copy})</translation>
    </message>
    <message>
        <source>好差评（追评）：未评价</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད (རྗེས་མ): དཔྱད་བརྗོད་མ་བྱས།</translation>
    </message>
    <message>
        <source>好差评（追评）：{level}</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད (རྗེས་མ): {level}</translation>
    </message>
    <message>
        <source>好差评：未评价</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད: དཔྱད་བརྗོད་མ་བྱས།</translation>
    </message>
    <message>
        <source>好差评：{level}</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད: {level}</translation>
    </message>
    <message>
        <source>差评整改：{note}</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག: {note}</translation>
    </message>
    <message>
        <source>差评回访：{result}（{method}）{note}</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བསྐྱར་འདྲི: {result} ({method}) {note}</translation>
    </message>
    <message>
        <source>材料已寄出（政务专递），运单号 {no}</source>
        <translation>ཡིག་ཆ་སྐུར་ཟིན (གཞུང་དོན་ཆེད་སྐྱེལ)། སྐྱེལ་ཐོ་ཨང་གྲངས་ {no}</translation>
    </message>
    <message>
        <source>处理冲突：保留“{what}”，状态 {status}</source>
        <translation>འགལ་བ་ཐག་གཅོད: “{what}” ཉར། གནས་སྟངས་ {status}</translation>
    </message>
    <message>
        <source>平台状态：{status}</source>
        <translation>སྟེགས་བུའི་གནས་སྟངས: {status}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>办件编号</source>
        <translation>ལས་དོན་ཨང་གྲངས།</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>རེ་ཞུ་བ།</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས།</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>དོན་ཚན།</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>གནས་སྟངས།</translation>
    </message>
    <message>
        <source>受理设备</source>
        <translation>ངོས་ལེན་སྒྲིག་ཆས།</translation>
    </message>
    <message>
        <source>收件时间</source>
        <translation>བསྡུ་ལེན་དུས་ཚོད།</translation>
    </message>
    <message>
        <source>承诺办结</source>
        <translation>ཁས་ལེན་སྒྲུབ་ཚར་དུས།</translation>
    </message>
    <message>
        <source>冲突：{status}</source>
        <translation>འགལ་བ: {status}</translation>
    </message>
    <message>
        <source>{due}（暂定）</source>
        <translation>{due} (གནས་སྐབས)</translation>
    </message>
    <message>
        <source>{year} 年尚无官方的全国节假日安排：此期限暂按法定节假日计算（不含调休上班），平台发布全国日历后可能变动。</source>
        <translation>ལོ་ {year} ཡི་རྒྱལ་ཡོངས་དུས་ཆེན་ངལ་གསོའི་གཏན་འཁེལ་གཞུང་འབྲེལ་ད་དུང་མེད། དུས་བཀག་འདི་གནས་སྐབས་སུ་ཁྲིམས་ལྡན་ངལ་གསོའི་ཉིན་ལྟར་རྩིས་ཡོད། (ཚབ་ལས་མི་རྩིས།) སྟེགས་བུས་རྒྱལ་ཡོངས་ལོ་ཐོ་སྤེལ་རྗེས་འགྱུར་སྲིད།</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>办件查询</source>
        <translation>ལས་དོན་འཚོལ་ཞིབ།</translation>
    </message>
    <message>
        <source>查找(&amp;F)：</source>
        <translation>འཚོལ་བ(&amp;F):</translation>
    </message>
    <message>
        <source>办件编号、姓名（汉字、拼音、首字母、藏文）、证件号码后几位、电话</source>
        <translation>ལས་དོན་ཨང་གྲངས། མིང་ (རྒྱ་ཡིག ཕིན་ཡིན། ཡིག་འགོ། བོད་ཡིག) ལག་ཁྱེར་ཨང་གྲངས་ཀྱི་མཇུག་གི་ཨང་ཀི་འགའ། ཁ་པར།</translation>
    </message>
    <message>
        <source>状态(&amp;T)：</source>
        <translation>གནས་སྟངས(&amp;T):</translation>
    </message>
    <message>
        <source>收件日期(&amp;D)</source>
        <translation>བསྡུ་ལེན་ཚེས་གྲངས།(&amp;D)</translation>
    </message>
    <message>
        <source>事项(&amp;I)：</source>
        <translation>དོན་ཚན(&amp;I):</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>དོན་ཚན་ཡོངས།</translation>
    </message>
    <message>
        <source>清除条件(&amp;R)</source>
        <translation>འཚོལ་ཆ་རྐྱེན་བསུབ།(&amp;R)</translation>
    </message>
    <message>
        <source>打开办件(&amp;O)</source>
        <translation>ལས་དོན་ཁ་ཕྱེ།(&amp;O)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>གནས་སྟངས་ཡོངས།</translation>
    </message>
    <message>
        <source>正在查找…</source>
        <translation>འཚོལ་བཞིན་པ…</translation>
    </message>
    <message>
        <source>已显示 {shown} 件</source>
        <translation>ལས་དོན་ {shown} མངོན་ཟིན།</translation>
    </message>
    <message>
        <source>没有符合条件的办件</source>
        <translation>ཆ་རྐྱེན་དང་མཐུན་པའི་ལས་དོན་མེད།</translation>
    </message>
    <message>
        <source>共 {total} 件，已显示 {shown} 件（向下滚动显示更多）</source>
        <translation>ཁྱོན་ལས་དོན་ {total}། {shown} མངོན་ཟིན། (མང་བ་མཐོང་བར་མར་འགྲིལ།)</translation>
    </message>
    <message>
        <source>共 {total} 件</source>
        <translation>ཁྱོན་ལས་དོན་ {total}</translation>
    </message>
</context>
<context>
    <name>CommitmentCheckDialog</name>
    <message>
        <source>告知承诺核查</source>
        <translation>བརྡ་ཁྱབ་ཁས་ལེན་ཞིབ་བཤེར།</translation>
    </message>
    <message>
        <source>按告知承诺书写明的核查方式核实后，记录申请人是否履行承诺。违反承诺的记录会上报平台。</source>
        <translation>བརྡ་ཁྱབ་ཁས་ལེན་ཡི་གེར་བཀོད་པའི་ཞིབ་བཤེར་ཐབས་ལྟར་ཞིབ་བཤེར་བྱས་རྗེས། རེ་ཞུ་བས་ཁས་ལེན་ལག་བསྟར་བྱས་མིན་ཐོར་འགོད། ཁས་ལེན་ལས་འགལ་བའི་ཟིན་ཐོ་སྟེགས་བུར་སྙན་ཞུ་བྱེད།</translation>
    </message>
    <message>
        <source>核查结果(&amp;R)：</source>
        <translation>ཞིབ་བཤེར་གྲུབ་འབྲས(&amp;R):</translation>
    </message>
    <message>
        <source>核查情况(&amp;N)：</source>
        <translation>ཞིབ་བཤེར་གནས་ཚུལ(&amp;N):</translation>
    </message>
    <message>
        <source>违反承诺时必填：核查发现的情况</source>
        <translation>ཁས་ལེན་ལས་འགལ་ན་ངེས་པར་འབྲི་དགོས། ཞིབ་བཤེར་སྐབས་རྙེད་པའི་གནས་ཚུལ།</translation>
    </message>
    <message>
        <source>违反承诺时请写明核查发现的情况。</source>
        <translation>ཁས་ལེན་ལས་འགལ་ན། ཞིབ་བཤེར་སྐབས་རྙེད་པའི་གནས་ཚུལ་གསལ་པོར་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>ConcludeDialog</name>
    <message>
        <source>办结</source>
        <translation>སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>记录办理结果。办结后可以送达或通知申请人领取。</source>
        <translation>སྒྲུབ་འབྲས་ཐོ་འགོད་བྱེད། སྒྲུབ་ཚར་རྗེས་སྐྱེལ་འབྱོར་བྱེད་པའམ། རེ་ཞུ་བར་ལེན་དུ་ཡོང་རྒྱུའི་བརྡ་ཐོ་གཏོང་ཆོག</translation>
    </message>
    <message>
        <source>办理结果：</source>
        <translation>སྒྲུབ་འབྲས:</translation>
    </message>
    <message>
        <source>准予(&amp;A)</source>
        <translation>ཆོག་མཆན་སྤྲོད།(&amp;A)</translation>
    </message>
    <message>
        <source>不予准予(&amp;N)</source>
        <translation>ཆོག་མཆན་མི་སྤྲོད།(&amp;N)</translation>
    </message>
    <message>
        <source>说明(&amp;E)：</source>
        <translation>གསལ་བཤད(&amp;E):</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>{what}（{device}）</source>
        <translation>{what} ({device})</translation>
    </message>
    <message>
        <source>{status}（{outcome}）</source>
        <translation>{status} ({outcome})</translation>
    </message>
    <message>
        <source>状态：{status}；时间：{at}；操作员：{operator}</source>
        <translation>གནས་སྟངས: {status}། དུས་ཚོད: {at}། བཀོལ་སྤྱོད་པ: {operator}</translation>
    </message>
    <message>
        <source>{title}：{details}</source>
        <translation>{title}: {details}</translation>
    </message>
</context>
<context>
    <name>ConsultDialog</name>
    <message>
        <source>登记咨询</source>
        <translation>འདྲི་རྩད་ཐོ་འགོད།</translation>
    </message>
    <message>
        <source>群众来咨询而没有提出申请的，登记咨询的事项和答复方式（计入统计）。姓名和电话只在群众同意时记录。</source>
        <translation>མང་ཚོགས་འདྲི་རྩད་ལ་ཡོང་ཡང་ཞུ་ཡིག་མ་ཕུལ་ན། འདྲི་རྩད་ཀྱི་ལས་དོན་དང་ལན་འདེབས་ཐབས་ཐོར་འགོད། (གྲངས་རྩིས་ནང་བརྩི།) མིང་དང་ཁ་པར་ནི་མང་ཚོགས་མོས་མཐུན་བྱུང་ན་ཁོ་ན་ཐོར་འགོད།</translation>
    </message>
    <message>
        <source>咨询事项(&amp;I)：</source>
        <translation>འདྲི་རྩད་ཀྱི་ལས་དོན(&amp;I):</translation>
    </message>
    <message>
        <source>答复方式(&amp;A)：</source>
        <translation>ལན་འདེབས་ཐབས(&amp;A):</translation>
    </message>
    <message>
        <source>备注(&amp;N)：</source>
        <translation>མཆན(&amp;N):</translation>
    </message>
    <message>
        <source>群众同意留下姓名和电话(&amp;C)</source>
        <translation>མང་ཚོགས་ཀྱིས་མིང་དང་ཁ་པར་འཇོག་པར་མོས་མཐུན(&amp;C)</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>མིང་:</translation>
    </message>
    <message>
        <source>电话：</source>
        <translation>ཁ་པར:</translation>
    </message>
    <message>
        <source>登记(&amp;K)</source>
        <translation>ཐོ་འགོད(&amp;K)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>མེད་པར་བཟོ།</translation>
    </message>
    <message>
        <source>其他事项（目录之外）</source>
        <translation>ལས་དོན་གཞན། (ཐོ་གཞུང་ལས་ཕྱི།)</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>补正材料已收到</source>
        <translation>ཁ་སྐོང་ཞུ་དག་ཡིག་ཆ་འབྱོར་ཟིན།</translation>
    </message>
    <message>
        <source>勾选已收到的补正材料。收齐后重新受理，办理时限重新计算。</source>
        <translation>འབྱོར་ཟིན་པའི་ཁ་སྐོང་ཞུ་དག་ཡིག་ཆར་རྟགས་རྒྱོབ། ཚང་མ་འབྱོར་རྗེས་བསྐྱར་དུ་ངོས་ལེན་བྱེད་ཅིང་། སྒྲུབ་པའི་དུས་ཚད་བསྐྱར་དུ་རྩིས་རྒྱུ་ཡིན།</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> ཚན</translation>
    </message>
    <message>
        <source>请至少勾选一份已收到的材料。</source>
        <translation>འབྱོར་ཟིན་པའི་ཡིག་ཆ་ཉུང་མཐར་ཚན་གཅིག་ལ་རྟགས་རྒྱོབ་རོགས།</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>程序出了问题，刚才的操作可能没有完成。已保存的办件不会丢失。
问题报告没能保存（磁盘可能已满）。如果再次出现，请联系县级信息化人员。</source>
        <translation>མཉེན་ཆས་ལ་དཀའ་ངལ་བྱུང་བས་ད་གིན་གྱི་བཀོལ་སྤྱོད་ལེགས་གྲུབ་བྱུང་མེད་སྲིད། ཉར་ཟིན་པའི་ལས་དོན་བོར་མི་སྲིད།
དཀའ་ངལ་གྱི་སྙན་ཞུ་ཉར་ཐུབ་མེད། (སྡུད་སྡེར་ཁེངས་ཟིན་སྲིད།) ཡང་བྱུང་ན་རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>程序出了问题，刚才的操作可能没有完成。已保存的办件不会丢失。
问题报告已保存在：{path}
请把这个文件交给县级信息化人员。</source>
        <translation>མཉེན་ཆས་ལ་དཀའ་ངལ་བྱུང་བས་ད་གིན་གྱི་བཀོལ་སྤྱོད་ལེགས་གྲུབ་བྱུང་མེད་སྲིད། ཉར་ཟིན་པའི་ལས་དོན་བོར་མི་སྲིད།
དཀའ་ངལ་གྱི་སྙན་ཞུ་ཉར་སའི་གནས: {path}
ཡིག་ཆ་འདི་རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་སྤྲོད་རོགས།</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>མཉེན་ཆས་ལ་ནོར་འཁྲུལ་བྱུང་།</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>工作台</source>
        <translation>ལས་སྟེགས།</translation>
    </message>
    <message>
        <source>新受理  Ctrl+N</source>
        <translation>ངོས་ལེན་གསར་པ།  Ctrl+N</translation>
    </message>
    <message>
        <source>开始受理一件新的申请</source>
        <translation>རེ་ཞུ་གསར་པ་ཞིག་ངོས་ལེན་འགོ་འཛུགས།</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>གསར་བསྐྱར།(&amp;R)</translation>
    </message>
    <message>
        <source>登记咨询(&amp;K)</source>
        <translation>འདྲི་རྩད་ཐོ་འགོད(&amp;K)</translation>
    </message>
    <message>
        <source>群众来咨询而没有提出申请时，登记事项和答复方式</source>
        <translation>མང་ཚོགས་འདྲི་རྩད་ལ་ཡོང་ཡང་ཞུ་ཡིག་མ་ཕུལ་སྐབས། ལས་དོན་དང་ལན་འདེབས་ཐབས་ཐོར་འགོད།</translation>
    </message>
    <message>
        <source>两台设备对同一办件作了不能同时成立的处理（例如一处送达、一处撤回）。请打开办件，确定保留哪一项。</source>
        <translation>སྒྲིག་ཆས་གཉིས་ཀྱིས་ལས་དོན་གཅིག་གི་ཐོག་དུས་མཉམ་དུ་འགྲུབ་མི་ཐུབ་པའི་ལས་སྒྲུབ་བྱས་འདུག (དཔེར་ན། གཅིག་གིས་སྐྱེལ་འབྱོར་དང་གཅིག་གིས་ཕྱིར་འཐེན།) ལས་དོན་ཁ་ཕྱེ་ནས་གང་ཞིག་ཉར་དགོས་མིན་ཐག་གཅོད་གནང་རོགས།</translation>
    </message>
    <message>
        <source>逾期仍未补交的，打开办件后由管理员“撤销受理”，并打印撤销受理决定通知书。</source>
        <translation>དུས་བཀག་ལས་བརྒལ་ཡང་ཕྱིས་སྤྲོད་མ་བྱས་ན། ལས་དོན་ཁ་ཕྱེ་ནས་དོ་དམ་པས་&quot;ངོས་ལེན་རྩིས་མེད&quot; བྱས་ཏེ། ངོས་ལེན་རྩིས་མེད་ཀྱི་བརྡ་ཁྱབ་པར་དུ་བསྐྲུན་རོགས།</translation>
    </message>
    <message>
        <source>全部标为已读(&amp;M)</source>
        <translation>ཚང་མ་བལྟས་ཟིན་དུ་མཚོན(&amp;M)</translation>
    </message>
    <message>
        <source>标为已读须管理员操作。</source>
        <translation>བལྟས་ཟིན་དུ་མཚོན་པ་དོ་དམ་པས་བྱེད་དགོས།</translation>
    </message>
    <message>
        <source>已超期 {n} 件</source>
        <translation>དུས་ཡོལ་བའི་ལས་དོན་ {n}</translation>
    </message>
    <message>
        <source>两个工作日内到期 {n} 件</source>
        <translation>ལས་ཉིན་གཉིས་ནང་དུས་བཀག་སླེབ་པའི་ལས་དོན་ {n}</translation>
    </message>
    <message>
        <source>等待补正 {n} 件</source>
        <translation>ཁ་སྐོང་ཞུ་དག་སྒུག་བཞིན་པའི་ལས་དོན་ {n}</translation>
    </message>
    <message>
        <source>容缺材料已超期 {n} 项</source>
        <translation>དུས་ཡོལ་བའི་ཆད་ཆོག་ཡིག་ཆ་ {n}</translation>
    </message>
    <message>
        <source>容缺材料即将到期 {n} 项</source>
        <translation>དུས་བཀག་ཉེ་བའི་ཆད་ཆོག་ཡིག་ཆ་ {n}</translation>
    </message>
    <message>
        <source>今日受理 {n} 件</source>
        <translation>དེ་རིང་ངོས་ལེན་བྱས་པའི་ལས་དོན་ {n}</translation>
    </message>
    <message>
        <source>冲突待处理 {n} 件</source>
        <translation>ཐག་གཅོད་སྒུག་པའི་འགལ་བ་ {n}</translation>
    </message>
    <message>
        <source>差评待整改回访 {n} 件</source>
        <translation>བཅོས་སྒྲིག་དང་བསྐྱར་འདྲི་བྱ་རྒྱུའི་དཔྱད་བརྗོད་ངན་པ་ {n}</translation>
    </message>
    <message>
        <source>（显示前 {shown} 件）</source>
        <translation>(སྔོན་མ་ {shown} ཙམ་སྟོན།)</translation>
    </message>
    <message>
        <source>{line}  【优先】{groups}</source>
        <translation>{line}  [སྔོན་ལ་སྒྲུབ] {groups}</translation>
    </message>
    <message>
        <source>受理设备：{device}</source>
        <translation>ངོས་ལེན་སྒྲིག་ཆས: {device}</translation>
    </message>
    <message>
        <source>{case}  {who}
{material}  补交期限 {due}</source>
        <translation>{case}  {who}
{material}  ཕྱིས་སྤྲོད་དུས་བཀག {due}</translation>
    </message>
    <message>
        <source>{case}  {who}
{items}  补正期限 {due}</source>
        <translation>{case}  {who}
{items}  ཁ་སྐོང་ཞུ་དག་དུས་བཀག {due}</translation>
    </message>
    <message>
        <source>已整改，待回访</source>
        <translation>བཅོས་སྒྲིག་བྱས་ཟིན། བསྐྱར་འདྲི་བྱ་རྒྱུ་ལྷག་ཡོད།</translation>
    </message>
    <message>
        <source>已超期未整改</source>
        <translation>དུས་ཡོལ་ཟིན་ཡང་བཅོས་སྒྲིག་བྱས་མེད།</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>བཅོས་སྒྲིག་བྱ་རྒྱུ་ལྷག་ཡོད།</translation>
    </message>
    <message>
        <source>{case}  {who}
{items}
{level}  整改期限 {due}  {state}</source>
        <translation>{case}  {who}
{items}
{level}  བཅོས་སྒྲིག་དུས་བཀག {due}  {state}</translation>
    </message>
    <message>
        <source>{case}  {who}
{items}  {status}</source>
        <translation>{case}  {who}
{items}  {status}</translation>
    </message>
    <message>
        <source>{case}  {who}
{items}  承诺办结 {due}</source>
        <translation>{case}  {who}
{items}  ཁས་ལེན་སྒྲུབ་ཚར་དུས་ {due}</translation>
    </message>
    <message>
        <source>{day} · 数据读取中…</source>
        <translation>{day} · གཞི་གྲངས་ཀློག་བཞིན་པ…</translation>
    </message>
    <message>
        <source>今天是 {day}</source>
        <translation>དེ་རིང་ {day}</translation>
    </message>
    <message>
        <source>近 {n} 天收件和办结</source>
        <translation>ཉིན་ {n} ནང་གི་བསྡུ་ལེན་དང་སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>近 {n} 天评价 {rated} 次</source>
        <translation>ཉིན་ {n} ནང་དཔྱད་བརྗོད་ཐེངས་ {rated}</translation>
    </message>
    <message>
        <source>好评</source>
        <translation>དཔྱད་བརྗོད་བཟང་པོ།</translation>
    </message>
    <message>
        <source>差评</source>
        <translation>དཔྱད་བརྗོད་ངན་པ།</translation>
    </message>
    <message>
        <source>这段时间没有评价。</source>
        <translation>དུས་ཡུན་འདིར་དཔྱད་བརྗོད་མེད།</translation>
    </message>
    <message>
        <source>未读通知 {n} 条</source>
        <translation>མ་བལྟས་པའི་བརྡ་ཁྱབ་ {n}</translation>
    </message>
    <message>
        <source>尚未收到 {year} 年的全国节假日安排：{year} 年的期限暂按法定节假日计算（不含调休上班），标为“暂定”。请联系平台发布全国日历。</source>
        <translation>ལོ་ {year} ཡི་རྒྱལ་ཡོངས་དུས་ཆེན་ངལ་གསོའི་གཏན་འཁེལ་ད་དུང་འབྱོར་མེད། ལོ་ {year} ཡི་དུས་བཀག་གནས་སྐབས་སུ་ཁྲིམས་ལྡན་ངལ་གསོའི་ཉིན་ལྟར་རྩིས་ཡོད། (ཚབ་ལས་མི་རྩིས།) &quot;གནས་སྐབས&quot; ཞེས་མཚོན་ཡོད། སྟེགས་བུར་འབྲེལ་བ་བྱས་ནས་རྒྱལ་ཡོངས་ལོ་ཐོ་སྤེལ་རོགས།</translation>
    </message>
    <message>
        <source>在办办件中有 {n} 件的承诺期限在 {year} 年或以后。</source>
        <translation>སྒྲུབ་བཞིན་པའི་ལས་དོན་ {n} ཡི་ཁས་ལེན་དུས་བཀག་ལོ་ {year} ནང་ངམ་དེའི་རྗེས་སུ་ཡོད།</translation>
    </message>
    <message>
        <source>国务院每年公布下一年的放假和调休上班安排。平台发布后，本机在下次同步时采用，此后计算的期限不再标“暂定”。</source>
        <translation>རྒྱལ་སྲིད་ཨུ་ཡོན་ལྷན་ཁང་གིས་ལོ་རེར་ལོ་རྗེས་མའི་ངལ་གསོ་དང་ཚབ་ལས་ཀྱི་གཏན་འཁེལ་ཁྱབ་བསྒྲགས་བྱེད། སྟེགས་བུས་སྤེལ་རྗེས་སྒྲིག་ཆས་འདིས་རྗེས་མའི་མཉམ་སྒྲིག་སྐབས་བེད་སྤྱོད་བྱེད། དེ་རྗེས་རྩིས་པའི་དུས་བཀག་ལ་&quot;གནས་སྐབས&quot; ཞེས་མི་མཚོན།</translation>
    </message>
    <message>
        <source>没有</source>
        <translation>མེད།</translation>
    </message>
    <message>
        <source>同步状态不可用</source>
        <translation>དུས་མཉམ་སྒྲིག་གི་གནས་སྟངས་ཤེས་ཐབས་མེད།</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>ནམ་ཡང་མེད།</translation>
    </message>
    <message>
        <source>特殊群体 {n} 件</source>
        <translation>དམིགས་བསལ་མི་ཚོགས་ {n}</translation>
    </message>
    <message>
        <source>今日咨询 {n} 次</source>
        <translation>དེ་རིང་གི་འདྲི་རྩད་ཐེངས་ {n}</translation>
    </message>
    <message>
        <source>尚未上报平台：{n} 条记录，{files} 个附件</source>
        <translation>སྟེགས་བུར་ཡར་སྤྲོད་མ་བྱས་པ: ཟིན་ཐོ་ {n}། ཟུར་སྦྱར་ {files}</translation>
    </message>
    <message>
        <source>上次同步成功：{last}</source>
        <translation>མཐའ་མའི་དུས་མཉམ་སྒྲིག་ལེགས་གྲུབ: {last}</translation>
    </message>
    <message>
        <source>平台拒收 {n} 条，请在下方同步栏查看原因</source>
        <translation>སྟེགས་བུས་ཟིན་ཐོ་ {n} ཕྱིར་སློག་བྱས། རྒྱུ་མཚན་འོག་གི་དུས་མཉམ་སྒྲིག་སྡེ་ཚན་དུ་ལྟ་རོགས།</translation>
    </message>
    <message>
        <source>近30天受理 {n} 件
最多跑一次 {trip:.1%}
即办 {instant:.1%}</source>
        <translation>ཉེ་བའི་ཉིན་ 30 ནང་ངོས་ལེན་བྱས་པའི་ལས་དོན་ {n}
ཆེས་མང་ན་ཐེངས་གཅིག་འགྲོ་བ་ {trip:.1%}
འཕྲལ་སྒྲུབ་ {instant:.1%}</translation>
    </message>
</context>
<context>
    <name>DecisionReasons</name>
    <message>
        <source>必要材料缺少：{materials}（可出具一次性告知书，或将可容缺材料登记为容缺）</source>
        <translation>ངེས་མཁོའི་ཡིག་ཆ་ཆད་པ: {materials} (ཐེངས་གཅིག་བརྡ་སྤྲོད་ཡི་གེ་སྤྲོད་པའམ། ཆད་ཆོག་རུང་བའི་ཡིག་ཆ་ཆད་ཆོག་ཏུ་ཐོ་འགོད་བྱེད་ཆོག)</translation>
    </message>
    <message>
        <source>有容缺材料，应选择“容缺受理”</source>
        <translation>ཆད་ཆོག་ཡིག་ཆ་ཡོད་པས་“ཆད་ཆོག་ངོས་ལེན” འདེམས་དགོས།</translation>
    </message>
    <message>
        <source>有以承诺代替的材料，应选择“告知承诺”</source>
        <translation>ཁས་ལེན་གྱིས་ཚབ་བྱེད་པའི་ཡིག་ཆ་ཡོད་པས་“བརྡ་སྤྲོད་ཁས་ལེན” འདེམས་དགོས།</translation>
    </message>
    <message>
        <source>容缺受理须至少有一项容缺材料</source>
        <translation>ཆད་ཆོག་ངོས་ལེན་ལ་ཆད་ཆོག་ཡིག་ཆ་ཉུང་མཐར་ཚན་གཅིག་དགོས།</translation>
    </message>
    <message>
        <source>事项 {items} 不适用告知承诺</source>
        <translation>དོན་ཚན་ {items} ལ་བརྡ་སྤྲོད་ཁས་ལེན་མི་འཚམ།</translation>
    </message>
    <message>
        <source>材料齐全，无需一次性告知</source>
        <translation>ཡིག་ཆ་ཚང་ཡོད་པས་ཐེངས་གཅིག་བརྡ་སྤྲོད་མི་དགོས།</translation>
    </message>
    <message>
        <source>没有逾期未补交的容缺材料，不能撤销受理决定</source>
        <translation>དུས་བཀག་ལས་བརྒལ་བའི་ཆད་ཆོག་ཡིག་ཆ་མེད་པས། ངོས་ལེན་གྱི་ཐག་གཅོད་རྩིས་མེད་བྱེད་མི་ཆོག</translation>
    </message>
    <message>
        <source>该办件没有差评，无需整改或回访</source>
        <translation>ལས་དོན་འདི་ལ་དཔྱད་བརྗོད་ངན་པ་མེད་པས་བཅོས་སྒྲིག་དང་བསྐྱར་འདྲི་མི་དགོས།</translation>
    </message>
    <message>
        <source>该办件的差评已回访，整改回访已结束</source>
        <translation>ལས་དོན་འདིའི་དཔྱད་བརྗོད་ངན་པར་བསྐྱར་འདྲི་བྱས་ཟིན་པས་བཅོས་སྒྲིག་དང་བསྐྱར་འདྲི་མཇུག་རྫོགས་ཟིན།</translation>
    </message>
    <message>
        <source>该办件的差评已记录整改（可能已由其他窗口记录），请进行回访</source>
        <translation>ལས་དོན་འདིའི་དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག་ཐོ་འགོད་བྱས་ཟིན། (སྒེའུ་ཁུང་གཞན་ཞིག་གིས་ཐོ་འགོད་བྱས་སྲིད།) བསྐྱར་འདྲི་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>差评尚未整改，请先记录整改情况再回访</source>
        <translation>དཔྱད་བརྗོད་ངན་པར་ད་དུང་བཅོས་སྒྲིག་བྱས་མེད། སྔོན་ལ་བཅོས་སྒྲིག་གི་གནས་ཚུལ་ཐོ་འགོད་བྱས་རྗེས་བསྐྱར་འདྲི་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>不予受理须写明理由</source>
        <translation>ངོས་ལེན་མི་བྱེད་ན་རྒྱུ་མཚན་གསལ་པོར་འབྲི་དགོས།</translation>
    </message>
    <message>
        <source>不予受理须写明行政复议机关和人民法院</source>
        <translation>ངོས་ལེན་མི་བྱེད་ན་སྲིད་འཛིན་བསྐྱར་ཞིབ་ལས་ཁུངས་དང་མི་དམངས་ཁྲིམས་ཁང་གསལ་པོར་འབྲི་དགོས།</translation>
    </message>
</context>
<context>
    <name>DecisionStep</name>
    <message>
        <source>决定</source>
        <translation>ཐག་གཅོད།</translation>
    </message>
    <message>
        <source>受理决定</source>
        <translation>ངོས་ལེན་ཐག་གཅོད།</translation>
    </message>
    <message>
        <source>一次性告知</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད།</translation>
    </message>
    <message>
        <source>补正期限(&amp;U)</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག(&amp;U)</translation>
    </message>
    <message>
        <source>必填，如 {example}</source>
        <translation>ངེས་པར་འབྲི་དགོས། དཔེར་ན། {example}</translation>
    </message>
    <message>
        <source>告知承诺</source>
        <translation>བརྡ་སྤྲོད་ཁས་ལེན།</translation>
    </message>
    <message>
        <source>承诺内容(&amp;M)</source>
        <translation>ཁས་ལེན་ནང་དོན།(&amp;M)</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>ངོས་ལེན་མི་བྱེད་པ།</translation>
    </message>
    <message>
        <source>理由(&amp;E)</source>
        <translation>རྒྱུ་མཚན།(&amp;E)</translation>
    </message>
    <message>
        <source>法律依据(&amp;L)</source>
        <translation>ཁྲིམས་ཀྱི་གཞི་རྩ།(&amp;L)</translation>
    </message>
    <message>
        <source>可向何机关申请(&amp;P)</source>
        <translation>རེ་ཞུ་འབུལ་ཆོག་པའི་ལས་ཁུངས།(&amp;P)</translation>
    </message>
    <message>
        <source>行政复议机关(&amp;V)</source>
        <translation>སྲིད་འཛིན་བསྐྱར་ཞིབ་ལས་ཁུངས།(&amp;V)</translation>
    </message>
    <message>
        <source>人民法院(&amp;O)</source>
        <translation>མི་དམངས་ཁྲིམས་ཁང་།(&amp;O)</translation>
    </message>
    <message>
        <source>如：××县人民政府</source>
        <translation>དཔེར་ན། ××རྫོང་མི་དམངས་སྲིད་གཞུང་།</translation>
    </message>
    <message>
        <source>如：××县人民法院</source>
        <translation>དཔེར་ན། ××རྫོང་མི་དམངས་ཁྲིམས་ཁང་།</translation>
    </message>
    <message>
        <source>即办件：受理（含告知承诺）后当场办结。右侧显示每种决定是否可行及原因。</source>
        <translation>འཕྲལ་སྒྲུབ་ལས་དོན: ངོས་ལེན་ (བརྡ་སྤྲོད་ཁས་ལེན་ཚུད་པ) བྱས་རྗེས་ས་ཐོག་ཏུ་སྒྲུབ་ཚར་བྱེད། གཡས་ཕྱོགས་སུ་ཐག་གཅོད་རེ་རེ་བྱེད་ཆོག་མིན་དང་དེའི་རྒྱུ་མཚན་སྟོན།</translation>
    </message>
    <message>
        <source>右侧显示按当前材料每种决定是否可行；不可行的写明原因。</source>
        <translation>གཡས་ཕྱོགས་སུ་ད་ལྟའི་ཡིག་ཆ་ལྟར་ཐག་གཅོད་རེ་རེ་བྱེད་ཆོག་མིན་སྟོན། མི་ཆོག་ན་རྒྱུ་མཚན་གསལ་པོར་འབྲི།</translation>
    </message>
    <message>
        <source>正在核对…</source>
        <translation>ཞིབ་བཤེར་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>可以</source>
        <translation>ཆོག</translation>
    </message>
    <message>
        <source>请选择受理决定</source>
        <translation>ངོས་ལེན་ཐག་གཅོད་འདེམས་རོགས།</translation>
    </message>
    <message>
        <source>请填写补正期限：一次性告知书须写明补齐材料的期限。</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག་འབྲི་རོགས། ཐེངས་གཅིག་བརྡ་སྤྲོད་ཡི་གེར་ཡིག་ཆ་ཁ་སྐོང་བྱེད་པའི་དུས་བཀག་གསལ་པོར་འབྲི་དགོས།</translation>
    </message>
    <message>
        <source>补正期限：{problem}</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག: {problem}</translation>
    </message>
</context>
<context>
    <name>DeliverDialog</name>
    <message>
        <source>送达 / 领取</source>
        <translation>སྐྱེལ་འབྱོར། / ལེན་པ།</translation>
    </message>
    <message>
        <source>窗口领取时记下领取人；邮寄时记下运单号。</source>
        <translation>སྒེའུ་ཁུང་ནས་ལེན་སྐབས་ལེན་མཁན་ཐོ་འགོད་བྱེད། སྦྲག་སྐུར་སྐབས་སྐྱེལ་ཐོ་ཨང་གྲངས་ཐོ་འགོད་བྱེད།</translation>
    </message>
    <message>
        <source>代办：代办人 {name}{phone}，{authorisation}。请核对代办人身份证件和授权委托。</source>
        <translation>ཚབ་སྒྲུབ། ཚབ་སྒྲུབ་པ་ {name}{phone}  {authorisation}། ཚབ་སྒྲུབ་པའི་ཐོབ་ཐང་ལག་ཁྱེར་དང་དབང་སྤྲོད་བཅོལ་འཛིན་ལ་ཞིབ་བཤེར་གནང་རོགས།</translation>
    </message>
    <message>
        <source>送达方式(&amp;M)：</source>
        <translation>སྐྱེལ་འབྱོར་སྟངས(&amp;M):</translation>
    </message>
    <message>
        <source>领取人(&amp;R)：</source>
        <translation>ལེན་མཁན(&amp;R):</translation>
    </message>
    <message>
        <source>领取人证件号码(&amp;I)：</source>
        <translation>ལེན་མཁན་གྱི་ལག་ཁྱེར་ཨང་གྲངས(&amp;I):</translation>
    </message>
    <message>
        <source>运单号(&amp;T)：</source>
        <translation>སྐྱེལ་ཐོ་ཨང་གྲངས(&amp;T):</translation>
    </message>
    <message>
        <source>请填写领取人。</source>
        <translation>ལེན་མཁན་འབྲི་རོགས།</translation>
    </message>
    <message>
        <source>请填写运单号。</source>
        <translation>སྐྱེལ་ཐོ་ཨང་གྲངས་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>DeliveryStep</name>
    <message>
        <source>送达与提交</source>
        <translation>སྐྱེལ་འབྱོར་དང་འབུལ་བ།</translation>
    </message>
    <message>
        <source>结果送达</source>
        <translation>སྒྲུབ་འབྲས་སྐྱེལ་འབྱོར།</translation>
    </message>
    <message>
        <source>送达方式(&amp;M)</source>
        <translation>སྐྱེལ་འབྱོར་སྟངས།(&amp;M)</translation>
    </message>
    <message>
        <source>邮寄地址(&amp;D)</source>
        <translation>སྦྲག་སྐུར་ས་གནས།(&amp;D)</translation>
    </message>
    <message>
        <source>收件人(&amp;R)</source>
        <translation>ལེན་མཁན།(&amp;R)</translation>
    </message>
    <message>
        <source>收件电话(&amp;P)</source>
        <translation>ལེན་མཁན་གྱི་ཁ་པར།(&amp;P)</translation>
    </message>
    <message>
        <source>核对(&amp;K)：提交前请向群众复述一遍</source>
        <translation>ཞིབ་བཤེར(&amp;K): མ་ཕུལ་གོང་མང་ཚོགས་ལ་ཐེངས་གཅིག་བསྐྱར་ཟློས་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>核对无误后按 Ctrl+回车 或 Alt+N 提交；提交后打印凭证或通知书。</source>
        <translation>ཞིབ་བཤེར་བྱས་ནས་ནོར་འཁྲུལ་མེད་ན་ Ctrl+Enter ཡང་ན་ Alt+N མནན་ནས་འབུལ། ཕུལ་རྗེས་ཁུངས་ཡིག་གམ་བརྡ་ཐོ་པར་འདེབས་བྱེད།</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>本机</source>
        <translation>སྒྲིག་ཆས་འདི།</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <source>完成</source>
        <translation>མཇུག་རྫོགས།</translation>
    </message>
    <message>
        <source>受理凭证</source>
        <translation>ངོས་ལེན་ཁུངས་ཡིག</translation>
    </message>
    <message>
        <source>一次性告知书</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད་ཡི་གེ</translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation>ངོས་ལེན་མི་བྱེད་པའི་བརྡ་ཐོ</translation>
    </message>
    <message>
        <source>容缺受理通知书</source>
        <translation>ཆད་ཆོག་ངོས་ལེན་བརྡ་ཐོ</translation>
    </message>
    <message>
        <source>告知承诺书</source>
        <translation>བརྡ་སྤྲོད་ཁས་ལེན་ཡི་གེ</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>དབང་སྤྲོད་བཅོལ་འཛིན་ཡི་གེ</translation>
    </message>
    <message>
        <source>打印{name}(&amp;{key})</source>
        <translation>{name} པར་འདེབས།(&amp;{key})</translation>
    </message>
    <message>
        <source>请群众评价(&amp;E)</source>
        <translation>མང་ཚོགས་ལ་དཔྱད་བརྗོད་ཞུ།(&amp;E)</translation>
    </message>
    <message>
        <source>查看办件(&amp;V)</source>
        <translation>ལས་དོན་ལྟ།(&amp;V)</translation>
    </message>
    <message>
        <source>新的受理(&amp;N)</source>
        <translation>ངོས་ལེན་གསར་པ།(&amp;N)</translation>
    </message>
    <message>
        <source>打印后请群众签字；评价界面在群众一侧的屏幕上打开。Ctrl+N 也可开始新的受理。</source>
        <translation>པར་བརྒྱབ་རྗེས་མང་ཚོགས་ལ་མིང་རྟགས་འགོད་རོགས་ཞུ། དཔྱད་བརྗོད་ཀྱི་མཐུད་ངོས་མང་ཚོགས་ཕྱོགས་ཀྱི་བརྙན་ཡོལ་ཐོག་ཁ་ཕྱེ་ཡོང་། Ctrl+N མནན་ནས་ཀྱང་ངོས་ལེན་གསར་པ་འགོ་འཛུགས་ཆོག</translation>
    </message>
    <message>
        <source>已提交：办件编号 {case_no}</source>
        <translation>ཕུལ་ཟིན: ལས་དོན་ཨང་གྲངས་ {case_no}</translation>
    </message>
    <message>
        <source>决定：{decision}&#x3000;状态：{status}</source>
        <translation>ཐག་གཅོད: {decision}   གནས་སྟངས: {status}</translation>
    </message>
    <message>
        <source>即办件，已当场办结。</source>
        <translation>འཕྲལ་སྒྲུབ་ལས་དོན་ཡིན་པས་ས་ཐོག་ཏུ་སྒྲུབ་ཚར་ཟིན།</translation>
    </message>
    <message>
        <source>承诺办结日期：{due}</source>
        <translation>ཁས་ལེན་སྒྲུབ་ཚར་ཚེས་གྲངས: {due}</translation>
    </message>
    <message>
        <source>补正期限：{due}</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག: {due}</translation>
    </message>
    <message>
        <source>核验码：{code}</source>
        <translation>ཞིབ་བཤེར་ཨང་རྟགས: {code}</translation>
    </message>
    <message>
        <source>正在存入 {n} 份扫描件…</source>
        <translation>བཤེར་པར་ {n} ཉར་བཞིན་པ…</translation>
    </message>
    <message>
        <source>已存入 {n} 份扫描件。</source>
        <translation>བཤེར་པར་ {n} ཉར་ཟིན།</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>读写文件失败（{what}）。已保存的数据没有丢失。请检查磁盘或文件后重试。</source>
        <translation>ཡིག་ཆ་ཀློག་འབྲི་ཕམ་སོང་། ({what}) ཉར་ཟིན་པའི་གཞི་གྲངས་བོར་མེད། སྡུད་སྡེར་རམ་ཡིག་ཆ་ཞིབ་བཤེར་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>出现意外错误，本次操作未完成，已保存的数据没有丢失。请重试；如果再次出现，请联系县级信息化人员。</source>
        <translation>རེ་བ་མེད་པའི་ནོར་འཁྲུལ་བྱུང་བས་བཀོལ་སྤྱོད་འདི་ལེགས་གྲུབ་མ་བྱུང་། ཉར་ཟིན་པའི་གཞི་གྲངས་བོར་མེད། ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས། ཡང་བྱུང་ན་རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>ལེགས་གྲུབ་མ་བྱུང་།</translation>
    </message>
    <message>
        <source>此目录下还没有服务站数据（{home}）。请先运行 bianmin init 建立服务站。</source>
        <translation>དཀར་ཆག་འདིའི་ནང་ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གཞི་གྲངས་མེད། ({home}) སྔོན་ལ་ bianmin init བཀོལ་ནས་ཞབས་ཞུ་ས་ཚིགས་འཛུགས་རོགས།</translation>
    </message>
    <message>
        <source>此目录已有服务站数据（{home}），不能重复初始化。</source>
        <translation>དཀར་ཆག་འདིའི་ནང་ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གཞི་གྲངས་ཡོད་ཟིན། ({home}) ཐོག་མའི་སྒྲིག་འགོད་བསྐྱར་དུ་བྱེད་མི་ཆོག</translation>
    </message>
    <message>
        <source>密码错误。再错 {remaining} 次将锁定 5 分钟。</source>
        <translation>གསང་ཨང་ནོར་འདུག ཡང་ཐེངས་ {remaining} ནོར་ན་སྐར་མ་ 5 རིང་ཟྭ་རྒྱག་རྒྱུ་ཡིན།</translation>
    </message>
    <message>
        <source>该账号因多次输错密码已被锁定，请 5 分钟后再试，或请管理员解锁。</source>
        <translation>ཐོ་ཨང་འདིས་གསང་ཨང་ཐེངས་མང་པོར་ནོར་བས་ཟྭ་བརྒྱབ་ཟིན། སྐར་མ་ 5 རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་པའམ། དོ་དམ་པར་ཟྭ་འབྱེད་རོགས་ཞུ།</translation>
    </message>
    <message>
        <source>没有这个操作员账号。</source>
        <translation>བཀོལ་སྤྱོད་པའི་ཐོ་ཨང་འདི་མི་འདུག</translation>
    </message>
    <message>
        <source>该操作员账号已停用，请联系管理员。</source>
        <translation>བཀོལ་སྤྱོད་པའི་ཐོ་ཨང་འདི་བེད་སྤྱོད་མཚམས་བཞག་ཟིན། དོ་དམ་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>此操作需要管理员权限。</source>
        <translation>བཀོལ་སྤྱོད་འདི་ལ་དོ་དམ་པའི་དབང་ཚད་དགོས།</translation>
    </message>
    <message>
        <source>密码太短，至少需要 {min_length} 个字符。</source>
        <translation>གསང་ཨང་ཐུང་དྲགས་འདུག ཉུང་མཐར་ཡིག་རྟགས་ {min_length} དགོས།</translation>
    </message>
    <message>
        <source>恢复码不正确。请核对初始化时打印的恢复码。</source>
        <translation>སླར་གསོའི་ཨང་རྟགས་ནོར་འདུག ཐོག་མའི་སྒྲིག་འགོད་སྐབས་པར་བརྒྱབ་པའི་སླར་གསོའི་ཨང་རྟགས་ཞིབ་བཤེར་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>数据库文件已损坏或无法读取，已停止以免丢失数据。最近的备份：{backup}。可用 bianmin restore 恢复。</source>
        <translation>གཞི་གྲངས་མཛོད་ཀྱི་ཡིག་ཆ་སྐྱོན་ཤོར་བའམ་ཀློག་ཐབས་མེད་པས། གཞི་གྲངས་མི་བོར་བའི་ཆེད་དུ་མཚམས་བཞག་ཟིན། ཉེ་ཆར་གྱི་གྲབས་ཉར: {backup}། bianmin restore བཀོལ་ནས་སླར་གསོ་བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>磁盘空间已满，本次操作已撤销，已保存的数据没有丢失。请清理磁盘后重试。</source>
        <translation>སྡུད་སྡེར་གྱི་བར་སྟོང་ཁེངས་ཟིན་པས་བཀོལ་སྤྱོད་འདི་ཆ་མེད་བཏང་ཟིན། ཉར་ཟིན་པའི་གཞི་གྲངས་བོར་མེད། སྡུད་སྡེར་གཙང་སེལ་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>写入磁盘失败（磁盘已满或出错），本次操作已撤销，已保存的数据没有丢失。请检查磁盘后重试。</source>
        <translation>སྡུད་སྡེར་དུ་འབྲི་འཇུག་ཕམ་སོང་། (སྡུད་སྡེར་ཁེངས་པའམ་ནོར་འཁྲུལ་བྱུང་།) བཀོལ་སྤྱོད་འདི་ཆ་མེད་བཏང་ཟིན། ཉར་ཟིན་པའི་གཞི་གྲངས་བོར་མེད། སྡུད་སྡེར་ཞིབ་བཤེར་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>数据库正被另一程序使用，请稍后再试。</source>
        <translation>གཞི་གྲངས་མཛོད་མཉེན་ཆས་གཞན་ཞིག་གིས་བཀོལ་བཞིན་འདུག ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>数据库无法用本机的密钥文件打开（密钥文件与数据库不配套，或另一程序刚更换了数据密钥）。数据没有改动，不需要恢复备份。请退出后重新登录；仍不行请联系县级信息化人员。</source>
        <translation>གཞི་གྲངས་མཛོད་གློག་ཀླད་འདིའི་གསང་ལྡེའི་ཡིག་ཆས་ཁ་ཕྱེ་མི་ཐུབ། (གསང་ལྡེའི་ཡིག་ཆ་དང་གཞི་གྲངས་མཛོད་ཆ་མི་མཐུན་པའམ། ཡང་ན་མཉེན་ཆས་གཞན་ཞིག་གིས་ད་གིན་གཞི་གྲངས་གསང་ལྡེ་བརྗེས་ཟིན།) གཞི་གྲངས་ལ་འགྱུར་བ་མེད། གྲབས་ཉར་སླར་གསོ་བྱེད་མི་དགོས། ཕྱིར་ཐོན་རྗེས་ཡང་བསྐྱར་ནང་འཛུལ་བྱེད་རོགས། ད་དུང་མི་ཐུབ་ན་རྫོང་གི་ཆ་འཕྲིན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>服务站的数据正被另一个便民服务台程序使用（受理窗口、同步或另一个命令）。为免丢失办件，本次没有恢复备份或更换密钥，数据没有改动。请先关闭其他便民服务台程序后再试。</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གཞི་གྲངས་མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ་གྱི་མཉེན་ཆས་གཞན་ཞིག་གིས་བཀོལ་བཞིན་འདུག (ངོས་ལེན་སྒེའུ་ཁུང་། མཉམ་འགྲིག་གམ་བཀའ་བརྡ་གཞན་ཞིག) ལས་དོན་མི་བོར་བའི་ཆེད་དུ་ཐེངས་འདིར་གྲབས་ཉར་སླར་གསོ་དང་གསང་ལྡེ་བརྗེ་བ་གང་ཡང་མ་བྱས། གཞི་གྲངས་ལ་འགྱུར་བ་མེད། མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ་གྱི་མཉེན་ཆས་གཞན་དག་སྒོ་བརྒྱབ་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>服务站正在恢复备份或更换数据密钥，暂时不能打开。请稍候再试。</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱིས་གྲབས་ཉར་སླར་གསོ་བྱེད་བཞིན་པའམ་གཞི་གྲངས་གསང་ལྡེ་བརྗེ་བཞིན་ཡོད་པས། གནས་སྐབས་སུ་ཁ་ཕྱེ་མི་ཐུབ། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>服务站的数据已被恢复或更换，本程序不能再写入，刚才的操作没有保存。请关闭程序后重新登录。</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གཞི་གྲངས་སླར་གསོ་བྱས་པའམ་བརྗེས་ཟིན་པས། མཉེན་ཆས་འདིས་ད་ནས་བྲིས་མི་ཐུབ། ད་གིན་གྱི་བཀོལ་སྤྱོད་ཉར་མེད། མཉེན་ཆས་སྒོ་བརྒྱབ་རྗེས་ཡང་བསྐྱར་ནང་འཛུལ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>数据库升级失败，已保留升级前的备份。</source>
        <translation>གཞི་གྲངས་མཛོད་རིམ་སྤོར་ཕམ་སོང་། རིམ་སྤོར་སྔོན་གྱི་གྲབས་ཉར་ཉར་ཡོད།</translation>
    </message>
    <message>
        <source>数据由较新版本的便民服务台保存，这个旧版本不能打开，数据没有改动。请安装新版本；要退回旧版本，请恢复升级前的备份。</source>
        <translation>གཞི་གྲངས་འདི་མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ་གྱི་པར་གཞི་གསར་བས་ཉར་ཡོད། པར་གཞི་རྙིང་པ་འདིས་ཁ་ཕྱེ་མི་ཐུབ། གཞི་གྲངས་ལ་འགྱུར་བ་མེད། པར་གཞི་གསར་པ་སྒྲིག་འཇུག་བྱེད་རོགས། པར་གཞི་རྙིང་པར་ཕྱིར་ལོག་བྱེད་ན་རིམ་སྤོར་སྔོན་གྱི་གྲབས་ཉར་སླར་གསོ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>备份文件无法使用：{path}。</source>
        <translation>གྲབས་ཉར་ཡིག་ཆ་བེད་སྤྱོད་བྱ་ཐབས་མེད: {path}།</translation>
    </message>
    <message>
        <source>数据库操作失败。</source>
        <translation>གཞི་གྲངས་མཛོད་ཀྱི་བཀོལ་སྤྱོད་ཕམ་སོང་།</translation>
    </message>
    <message>
        <source>输入有误：</source>
        <translation>ནང་འཇུག་ནོར་འཁྲུལ:</translation>
    </message>
    <message>
        <source>证件号码有误：</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་ནོར་འཁྲུལ:</translation>
    </message>
    <message>
        <source>事项清单文件有问题，未导入任何内容：</source>
        <translation>དོན་ཚན་ཐོ་གཞུང་གི་ཡིག་ཆར་དཀའ་ངལ་ཡོད་པས་ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད:</translation>
    </message>
    <message>
        <source>找不到办件 {case_no}。</source>
        <translation>ལས་དོན་ {case_no} རྙེད་མ་སོང་།</translation>
    </message>
    <message>
        <source>找不到事项 {code}。</source>
        <translation>དོན་ཚན་ {code} རྙེད་མ་སོང་།</translation>
    </message>
    <message>
        <source>不能作出此决定：{reason_text}</source>
        <translation>ཐག་གཅོད་འདི་བྱེད་མི་ཆོག: {reason_text}</translation>
    </message>
    <message>
        <source>办件当前状态（{current}）下不能执行此操作。</source>
        <translation>ལས་དོན་གྱི་ད་ལྟའི་གནས་སྟངས་ ({current}) འོག་བཀོལ་སྤྱོད་འདི་ལག་བསྟར་བྱེད་མི་ཆོག</translation>
    </message>
    <message>
        <source>本机（{device}号设备）今天（{day}）的 999 个办件编号已经用完，本件没有受理，已保存的数据没有改动。请到本服务站的另一个窗口受理，或明天再受理。</source>
        <translation>གློག་ཀླད་འདི (སྒྲིག་ཆས་ཨང་{device}) ལ་དེ་རིང ({day}) གི་ལས་དོན་ཨང་རྟགས་ 999 ཚང་མ་བེད་སྤྱོད་ཟིན་པས། ལས་དོན་འདི་ལེན་མེད། ཉར་ཟིན་པའི་གཞི་གྲངས་ལ་འགྱུར་བ་མེད། ཞབས་ཞུ་ས་ཚིགས་འདིའི་སྒེའུ་ཁུང་གཞན་དུ་ལེན་རོགས། ཡང་ན་སང་ཉིན་ལེན་རོགས།</translation>
    </message>
    <message>
        <source>办件日志校验失败。</source>
        <translation>ལས་དོན་ཉིན་ཐོའི་ཞིབ་བཤེར་ཕམ་སོང་།</translation>
    </message>
    <message>
        <source>办件日志中有一条记录的内容无法读取（{payload}）。</source>
        <translation>ལས་དོན་ཉིན་ཐོའི་ནང་གི་ཟིན་ཐོ་ཞིག་གི་ནང་དོན་ཀློག་མི་ཐུབ། ({payload})</translation>
    </message>
    <message>
        <source>这台电脑的日期看起来不对（现在显示为 {today}）。为免办件日期和期限出错，本次没有受理，已保存的数据没有改动。请把电脑的日期和时间改正后再试。</source>
        <translation>གློག་ཀླད་འདིའི་ཚེས་གྲངས་ནོར་བ་འདྲ་ (ད་ལྟ་ {today} ཞེས་མངོན་གྱི་འདུག)། ལས་དོན་གྱི་ཚེས་གྲངས་དང་དུས་བཀག་ནོར་མི་འགྲོ་ཆེད་ཐེངས་འདིར་ལེན་མ་བྱས། ཉར་ཟིན་པའི་གཞི་གྲངས་ལ་འགྱུར་བ་མེད། གློག་ཀླད་ཀྱི་ཚེས་གྲངས་དང་དུས་ཚོད་ཡང་དག་པར་བཅོས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>文档中有字库里没有的字符：{chars}。请核对录入的内容，或联系县级信息化人员补充字库。</source>
        <translation>ཡིག་ཆའི་ནང་ཡིག་གཟུགས་མཛོད་དུ་མེད་པའི་ཡིག་རྟགས་འདུག: {chars}། ནང་འཇུག་བྱས་པའི་ནང་དོན་ཞིབ་བཤེར་བྱེད་པའམ། རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་བྱས་ནས་ཡིག་གཟུགས་མཛོད་ཁ་སྐོང་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>尚未导入事项清单。</source>
        <translation>དོན་ཚན་ཐོ་གཞུང་ད་དུང་ནང་འདྲེན་བྱས་མེད།</translation>
    </message>
    <message>
        <source>本服务站尚未在平台登记，请先运行 bianmin enrol 平台地址 登记码。</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་འདི་ད་དུང་སྟེགས་བུར་ཐོ་འགོད་བྱས་མེད། སྔོན་ལ་ bianmin enrol སྟེགས་བུའི་ས་གནས་ ཐོ་འགོད་ཨང་རྟགས་ བཀོལ་རོགས།</translation>
    </message>
    <message>
        <source>连不上平台（网络中断或平台暂时不可用），数据都已保存在本机，联网后再同步。</source>
        <translation>སྟེགས་བུ་དང་འབྲེལ་མཐུད་བྱེད་ཐབས་མེད། (དྲ་རྒྱ་ཆད་པའམ་སྟེགས་བུ་གནས་སྐབས་སུ་བཀོལ་ཐབས་མེད།) གཞི་གྲངས་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཟིན། དྲ་རྒྱ་མཐུད་རྗེས་དུས་མཉམ་སྒྲིག་བྱེད།</translation>
    </message>
    <message>
        <source>平台拒绝了请求（{reason}）。登记码可能已用过或过期，请向平台管理员索取新的登记码。</source>
        <translation>སྟེགས་བུས་བླང་བྱ་ཕྱིར་སློག་བྱས། ({reason}) ཐོ་འགོད་ཨང་རྟགས་བེད་སྤྱོད་བྱས་ཟིན་པའམ་དུས་ཡོལ་བ་ཡིན་སྲིད། སྟེགས་བུའི་དོ་དམ་པར་ཐོ་འགོད་ཨང་རྟགས་གསར་པ་ཞུ་རོགས།</translation>
    </message>
    <message>
        <source>平台的应答不符合协议，请联系县级信息化人员。</source>
        <translation>སྟེགས་བུའི་ལན་འདེབས་གྲོས་མཐུན་དང་མི་མཐུན། རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>文件 {name} 无法作为扫描材料导入。</source>
        <translation>ཡིག་ཆ་ {name} བཤེར་པར་ཡིག་ཆ་ལྟར་ནང་འདྲེན་བྱེད་ཐབས་མེད།</translation>
    </message>
    <message>
        <source>文件 {name} 超过导入上限（{limit_text}），未导入。请降低扫描分辨率或分页扫描后再导入。</source>
        <translation>ཡིག་ཆ་ {name} ནང་འདྲེན་ཚད་བཀག་ ({limit_text}) ལས་བརྒལ་བས་ནང་འདྲེན་བྱས་མེད། བཤེར་འབེབས་གསལ་ཚད་དམའ་རུ་བཏང་བའམ། ཤོག་ལྷེ་སོ་སོར་བཤེར་རྗེས་ཡང་བསྐྱར་ནང་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>文件 {name} 不是可导入的格式，未导入。只能导入 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与扩展名无关）。</source>
        <translation>ཡིག་ཆ་ {name} ནང་འདྲེན་ཆོག་པའི་རྣམ་གཞག་མིན་པས་ནང་འདྲེན་བྱས་མེད། JPEG དང་ PNG པར་རིས། ཡང་ན་ PDF ཡིག་ཆ་ཁོ་ན་ནང་འདྲེན་ཆོག (ཡིག་ཆའི་ནང་དོན་ལྟར་ངོས་འཛིན་བྱེད་པ་ཡིན་ཞིང་། རྒྱ་བསྐྱེད་མིང་དང་འབྲེལ་བ་མེད།)</translation>
    </message>
    <message>
        <source>文件 {name} 已损坏或不完整，无法读取，未导入。请重新扫描或拍照后再导入。</source>
        <translation>ཡིག་ཆ་ {name} སྐྱོན་ཤོར་བའམ་ཆ་མི་ཚང་བས་ཀློག་ཐབས་མེད་ཅིང་ནང་འདྲེན་བྱས་མེད། བསྐྱར་དུ་བཤེར་འབེབས་སམ་པར་བླངས་རྗེས་ནང་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>找不到这份扫描材料。</source>
        <translation>བཤེར་པར་ཡིག་ཆ་འདི་རྙེད་མ་སོང་།</translation>
    </message>
    <message>
        <source>离线包 {path} 无法处理。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path} བེད་སྤྱོད་བྱ་ཐབས་མེད།</translation>
    </message>
    <message>
        <source>无法读取文件 {path}（{reason}）。</source>
        <translation>ཡིག་ཆ་ {path} ཀློག་ཐབས་མེད། ({reason})</translation>
    </message>
    <message>
        <source>文件 {path} 不是离线包。未导入任何内容。</source>
        <translation>ཡིག་ཆ་ {path} དྲ་མེད་ཐུམ་སྒྲིལ་མིན། ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད།</translation>
    </message>
    <message>
        <source>离线包 {path} 的格式版本（{version}）本程序不支持。未导入任何内容。请升级便民服务台后再导入。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path}: རྣམ་གཞག་པར་གཞི་ ({version}) ལ་མཉེན་ཆས་འདིས་རྒྱབ་སྐྱོར་མི་བྱེད། ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད། མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ་རིམ་སྤོར་བྱས་རྗེས་ཡང་བསྐྱར་ནང་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>离线包 {path} 校验失败：内容被改动或已损坏。未导入任何内容。请让工作队用原电脑重新导出。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path} ཞིབ་བཤེར་ཕམ་སོང་། ནང་དོན་བཟོ་བཅོས་བྱས་པའམ་སྐྱོན་ཤོར་འདུག ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད། ལས་དོན་རུ་ཁག་གིས་སྔར་གྱི་གློག་ཀླད་ནས་བསྐྱར་དུ་ཕྱིར་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>离线包 {path} 不完整（文件被截断，可能没有复制完）。未导入任何内容。请从原电脑重新复制或重新导出。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path} ཆ་མི་ཚང་། (ཡིག་ཆ་བར་ཆད་དེ་འདྲ་བཟོ་མ་ཚར་བ་ཡིན་སྲིད།) ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད། སྔར་གྱི་གློག་ཀླད་ནས་བསྐྱར་དུ་འདྲ་བཟོ་བྱེད་པའམ་ཕྱིར་འདྲེན་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>离线包 {path} 的签名无法确认：不是平台为服务站 {station} 登记的设备签发的。未导入任何内容。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path}: མིང་རྟགས་ར་སྤྲོད་བྱེད་ཐབས་མེད། སྟེགས་བུས་ཞབས་ཞུ་ས་ཚིགས་ {station} ཆེད་ཐོ་འགོད་བྱས་པའི་སྒྲིག་ཆས་ཀྱིས་བཏོན་པ་མིན། ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད།</translation>
    </message>
    <message>
        <source>离线包 {path} 来自其他区域（{region}）平台登记的设备，本区域平台不能接收。未导入任何内容。</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {path} ནི་ས་ཁོངས་གཞན་པའི་སྟེགས་བུར་ཐོ་འགོད་བྱས་པའི་སྒྲིག་ཆས་ནས་ཡོང་བ་ཡིན། ({region}) ས་ཁོངས་འདིའི་སྟེགས་བུས་ལེན་མི་ཐུབ། ནང་དོན་གང་ཡང་ནང་འདྲེན་བྱས་མེད།</translation>
    </message>
    <message>
        <source>离线包 {bundle} 已于 {delivered_at} 送达平台（服务站 {station} 的数据），不再重复导入。平台回执：{ack}</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ {bundle} ནི་ {delivered_at} ལ་སྟེགས་བུར་སྐྱེལ་འབྱོར་ཟིན། (གཞི་གྲངས་ཀྱི་ཞབས་ཞུ་ས་ཚིགས: {station}) བསྐྱར་དུ་ནང་འདྲེན་མི་བྱེད། སྟེགས་བུའི་འབྱོར་ལན: {ack}</translation>
    </message>
    <message>
        <source>没有需要导出的数据：本机的办件日志和扫描材料都已送达平台。</source>
        <translation>ཕྱིར་འདྲེན་དགོས་པའི་གཞི་གྲངས་མེད། གློག་ཀླད་འདིའི་ལས་དོན་ཉིན་ཐོ་དང་བཤེར་པར་ཡིག་ཆ་ཚང་མ་སྟེགས་བུར་སྐྱེལ་འབྱོར་ཟིན།</translation>
    </message>
    <message>
        <source>本机还没有平台签发的设备证书，无法处理离线包。请在有网络时运行一次 bianmin sync 后再试。</source>
        <translation>གློག་ཀླད་འདིར་སྟེགས་བུས་བཏོན་པའི་སྒྲིག་ཆས་དཔང་ཡིག་ད་དུང་མེད་པས། དྲ་མེད་ཐུམ་སྒྲིལ་བེད་སྤྱོད་བྱ་ཐབས་མེད། དྲ་རྒྱ་ཡོད་སྐབས་ bianmin sync ཐེངས་གཅིག་བཀོལ་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>回执文件 {path} 无效：不是平台签发的回执，或不是本机离线包的回执，或与本机的办件日志不符。没有作任何标记。</source>
        <translation>འབྱོར་ལན་ཡིག་ཆ་ {path} ནུས་མེད། སྟེགས་བུས་བཏོན་པའི་འབྱོར་ལན་མིན་པའམ། གློག་ཀླད་འདིའི་དྲ་མེད་ཐུམ་སྒྲིལ་གྱི་འབྱོར་ལན་མིན་པའམ། ཡང་ན་གློག་ཀླད་འདིའི་ལས་དོན་ཉིན་ཐོ་དང་མི་མཐུན། མཚོན་རྟགས་གང་ཡང་བཀོད་མེད།</translation>
    </message>
    <message>
        <source>这台电脑缺少打开柜台窗口所需的系统组件，请由管理员安装：sudo apt-get install {packages}（见 README「What the desktop needs」）。命令行现在就可以使用：bianmin --help</source>
        <translation>གློག་ཀླད་འདིར་ཞབས་ཞུ་སྒྲོམ་གྱི་སྒེའུ་ཁུང་ཁ་ཕྱེ་བར་དགོས་པའི་མ་ལག་ཆ་ལག་མི་འདུག དོ་དམ་པས་འདི་ལྟར་སྒྲིག་འཇུག་བྱེད་རོགས། sudo apt-get install {packages} (README ནང་གི་“What the desktop needs”ལ་ལྟོས།)། བཀའ་ཕྲེང་ནི་ད་ལྟ་ཉིད་ནས་བཀོལ་ཆོག bianmin --help</translation>
    </message>
    <message>
        <source>操作失败（{code}）</source>
        <translation>བཀོལ་སྤྱོད་ཕམ་སོང་། ({code})</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <source>请您评价</source>
        <translation>དཔྱད་བརྗོད་གནང་རོགས།</translation>
    </message>
    <message>
        <source>请您对本次服务进行评价</source>
        <translation>ཞབས་ཞུ་ཐེངས་འདིར་དཔྱད་བརྗོད་གནང་རོགས།</translation>
    </message>
    <message>
        <source>按数字键 {n}</source>
        <translation>ཨང་ཀིའི་མཐེབ་ {n} མནན།</translation>
    </message>
    <message>
        <source>分项评价</source>
        <translation>རྣམ་གྲངས་སོ་སོའི་དཔྱད་བརྗོད།</translation>
    </message>
    <message>
        <source>办事效率</source>
        <translation>ལས་སྒྲུབ་ཀྱི་ལས་ཆོད།</translation>
    </message>
    <message>
        <source>服务水平</source>
        <translation>ཞབས་ཞུའི་ཆུ་ཚད།</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>ཞབས་ཞུའི་ཀུན་སྤྱོད།</translation>
    </message>
    <message>
        <source>请告诉我们不满意的原因（至少选一项或填写）</source>
        <translation>ཡིད་མ་ཚིམ་པའི་རྒྱུ་མཚན་ང་ཚོར་གསུང་རོགས། (ཉུང་མཐར་རྣམ་གྲངས་གཅིག་འདེམས་པའམ་འབྲི་རོགས།)</translation>
    </message>
    <message>
        <source>办事效率低，超时办结</source>
        <translation>ལས་སྒྲུབ་ཀྱི་ལས་ཆོད་དམའ། དུས་ཡོལ་ནས་སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>多次跑腿，一次性告知不到位</source>
        <translation>ཐེངས་མང་པོར་འགྲོ་དགོས་བྱུང་། ཐེངས་གཅིག་བརྡ་སྤྲོད་ཆ་ཚང་མེད།</translation>
    </message>
    <message>
        <source>要求的材料过多或重复提交</source>
        <translation>དགོས་པའི་ཡིག་ཆ་མང་དྲགས་པའམ་བསྐྱར་དུ་འབུལ་དགོས་བྱུང་།</translation>
    </message>
    <message>
        <source>办事指南不清楚，咨询答复不准确</source>
        <translation>ལས་སྒྲུབ་ལམ་སྟོན་གསལ་པོ་མེད། འདྲི་རྩད་ཀྱི་ལན་ཡང་དག་མིན།</translation>
    </message>
    <message>
        <source>服务态度差</source>
        <translation>ཞབས་ཞུའི་ཀུན་སྤྱོད་ཞན།</translation>
    </message>
    <message>
        <source>等候时间过长</source>
        <translation>སྒུག་དུས་རིང་དྲགས།</translation>
    </message>
    <message>
        <source>收费不规范</source>
        <translation>རིན་སྡུད་ཚད་ལྡན་མིན།</translation>
    </message>
    <message>
        <source>办事环境和设施不便</source>
        <translation>ལས་སྒྲུབ་ཁོར་ཡུག་དང་སྒྲིག་ཆས་སྟབས་མི་བདེ།</translation>
    </message>
    <message>
        <source>其他意见(&amp;O)：</source>
        <translation>བསམ་འཆར་གཞན(&amp;O):</translation>
    </message>
    <message>
        <source>提交评价 (Enter)</source>
        <translation>དཔྱད་བརྗོད་འབུལ་བ། (Enter)</translation>
    </message>
    <message>
        <source>跳过 (Esc)</source>
        <translation>མཆོང་བ། (Esc)</translation>
    </message>
    <message>
        <source>谢谢您的评价！
我们会继续改进服务。</source>
        <translation>ཁྱེད་ཀྱི་དཔྱད་བརྗོད་ལ་ཐུགས་རྗེ་ཆེ།
ང་ཚོས་མུ་མཐུད་ཞབས་ཞུ་ཡར་རྒྱས་གཏོང་ངེས།</translation>
    </message>
    <message>
        <source>办件编号 {case}
{items}</source>
        <translation>ལས་དོན་ཨང་གྲངས་ {case}
{items}</translation>
    </message>
    <message>
        <source>请先选择一项评价（按数字键 1–5）</source>
        <translation>སྔོན་ལ་དཔྱད་བརྗོད་གཅིག་འདེམས་རོགས། (ཨང་ཀིའི་མཐེབ་ 1–5 མནན།)</translation>
    </message>
    <message>
        <source>请选择或填写不满意的原因，帮助我们改进</source>
        <translation>ཡིད་མ་ཚིམ་པའི་རྒྱུ་མཚན་འདེམས་པའམ་འབྲི་རོགས། དེས་ང་ཚོས་ཞབས་ཞུ་ཡར་རྒྱས་གཏོང་བར་རོགས་རམ་ཡོང་།</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出</source>
        <translation>ཕྱིར་འདོན།</translation>
    </message>
    <message>
        <source>导出 {period} 的数据</source>
        <translation>{period} གྱི་གཞི་གྲངས་ཕྱིར་འདོན།</translation>
    </message>
    <message>
        <source>统计数据(&amp;T)</source>
        <translation>བསྡོམས་རྩིས་གཞི་གྲངས(&amp;T)</translation>
    </message>
    <message>
        <source>办件清单(&amp;L)</source>
        <translation>ལས་དོན་ཐོ་གཞུང(&amp;L)</translation>
    </message>
    <message>
        <source>好差评数据(&amp;V)</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད་ཀྱི་གཞི་གྲངས(&amp;V)</translation>
    </message>
    <message>
        <source>导出内容：</source>
        <translation>ཕྱིར་འདོན་ནང་དོན:</translation>
    </message>
    <message>
        <source>电子表格（xlsx）(&amp;X)</source>
        <translation>གློག་རྡུལ་རེའུ་མིག (xlsx)(&amp;X)</translation>
    </message>
    <message>
        <source>逗号分隔文本（csv）(&amp;C)</source>
        <translation>ཚེག་རྟགས་ཀྱིས་དབྱེ་བའི་ཡི་གེ (csv)(&amp;C)</translation>
    </message>
    <message>
        <source>文件格式：</source>
        <translation>ཡིག་ཆའི་རྣམ་གཞག:</translation>
    </message>
    <message>
        <source>证件号码和电话默认遮盖（例如 540127********0017）。</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་སྔོན་ནས་སྒྲིབ་ཡོད། (དཔེར་ན 540127********0017)</translation>
    </message>
    <message>
        <source>不遮盖证件号码和电话(&amp;U)</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་མི་སྒྲིབ(&amp;U)</translation>
    </message>
    <message>
        <source>原因(&amp;R)：</source>
        <translation>རྒྱུ་མཚན(&amp;R):</translation>
    </message>
    <message>
        <source>不遮盖的导出须写明原因（例如：民政局核对低保名单）。导出的时间、操作员、数据范围和原因都记入日志。</source>
        <translation>མ་སྒྲིབ་པར་ཕྱིར་འདོན་ན་རྒྱུ་མཚན་གསལ་པོ་འབྲི་དགོས། (དཔེར་ན། མི་དམངས་སྲིད་དོན་ཅུས་ཀྱིས་དམའ་འཚོ་ཐོ་གཞུང་ཞིབ་བཤེར།) ཕྱིར་འདོན་གྱི་དུས་ཚོད་དང་། བཀོལ་སྤྱོད་པ། གཞི་གྲངས་ཀྱི་ཁྱབ་ཁོངས། རྒྱུ་མཚན་བཅས་ཉིན་ཐོར་འགོད།</translation>
    </message>
    <message>
        <source>导出(&amp;E)…</source>
        <translation>ཕྱིར་འདོན(&amp;E)…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>འདོར།</translation>
    </message>
    <message>
        <source>统计数据</source>
        <translation>བསྡོམས་རྩིས་གཞི་གྲངས།</translation>
    </message>
    <message>
        <source>办件清单</source>
        <translation>ལས་དོན་ཐོ་གཞུང་།</translation>
    </message>
    <message>
        <source>好差评数据</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད་ཀྱི་གཞི་གྲངས།</translation>
    </message>
    <message>
        <source>电子表格 (*.xlsx)</source>
        <translation>གློག་རྡུལ་རེའུ་མིག (*.xlsx)</translation>
    </message>
    <message>
        <source>逗号分隔文本 (*.csv)</source>
        <translation>ཚེག་རྟགས་ཀྱིས་དབྱེ་བའི་ཡི་གེ (*.csv)</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>ཕྱིར་འདོན་ས།</translation>
    </message>
    <message>
        <source>不遮盖证件号码和电话时，必须填写原因。</source>
        <translation>ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་མི་སྒྲིབ་ན་རྒྱུ་མཚན་ངེས་པར་འབྲི་དགོས།</translation>
    </message>
</context>
<context>
    <name>FindStep</name>
    <message>
        <source>找事项</source>
        <translation>དོན་ཚན་འཚོལ།</translation>
    </message>
    <message>
        <source>如：低保、zdshbz、出生、540000-XZGF-0003</source>
        <translation>དཔེར་ན། དམའ་འཚོ་འགན་ལེན། zdshbz། སྐྱེ་བ། 540000-XZGF-0003</translation>
    </message>
    <message>
        <source>查找事项(&amp;F)</source>
        <translation>དོན་ཚན་འཚོལ་བ།(&amp;F)</translation>
    </message>
    <message>
        <source>可输入中文、拼音首字母、藏文或事项编码；↑↓ 选择，回车确定</source>
        <translation>རྒྱ་ཡིག ཕིན་ཡིན་གྱི་ཡིག་འགོ། བོད་ཡིག ཡང་ན་དོན་ཚན་ཨང་རྟགས་ནང་འཇུག་བྱེད་ཆོག ↑↓ མཐེབ་ཀྱིས་འདེམས། Enter མནན་ནས་གཏན་འཁེལ།</translation>
    </message>
    <message>
        <source>查找结果(&amp;L)</source>
        <translation>འཚོལ་འབྲས།(&amp;L)</translation>
    </message>
    <message>
        <source>办事指南(&amp;G)</source>
        <translation>ལས་སྒྲུབ་ལམ་སྟོན།(&amp;G)</translation>
    </message>
    <message>
        <source>尚未选择事项</source>
        <translation>དོན་ཚན་ད་དུང་བདམས་མེད།</translation>
    </message>
    <message>
        <source>一件事</source>
        <translation>ཟླ་སྒྲིལ་དོན་ཚན</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>དོན་ཚན</translation>
    </message>
    <message>
        <source>已选{kind}：{name}（再按回车或 Ctrl+回车 进入下一步）</source>
        <translation>བདམས་ཟིན་པའི་{kind}: {name} (Enter ཡང་ན་ Ctrl+Enter ཡང་བསྐྱར་མནན་ནས་གོམ་པ་རྗེས་མར་འཇུག)</translation>
    </message>
    <message>
        <source>没有找到事项，请换个说法或用事项编码查找</source>
        <translation>དོན་ཚན་རྙེད་མ་སོང་། ཚིག་གཞན་ཞིག་གམ་དོན་ཚན་ཨང་རྟགས་ཀྱིས་འཚོལ་རོགས།</translation>
    </message>
    <message>
        <source>找到 {n} 项</source>
        <translation>རྣམ་གྲངས་ {n} རྙེད།</translation>
    </message>
    <message>
        <source>【一件事】{name}</source>
        <translation>[ཟླ་སྒྲིལ་དོན་ཚན] {name}</translation>
    </message>
    <message>
        <source>请先查找并选择一个事项（回车确定）</source>
        <translation>སྔོན་ལ་དོན་ཚན་ཞིག་འཚོལ་ནས་འདེམས་རོགས། (Enter མནན་ནས་གཏན་འཁེལ།)</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>查找事项(&amp;F)：名称、拼音或首字母、藏文、事项编码</source>
        <translation>དོན་ཚན་འཚོལ་བ(&amp;F): མིང་། ཕིན་ཡིན་ནམ་ཡིག་འགོ། བོད་ཡིག དོན་ཚན་ཨང་རྟགས།</translation>
    </message>
    <message>
        <source>例如：低保、dibao、zdshbz</source>
        <translation>དཔེར་ན། དམའ་འཚོ་འགན་ལེན། dibao། zdshbz</translation>
    </message>
    <message>
        <source>大字(&amp;B)</source>
        <translation>ཡིག་གཟུགས་ཆེ་བ།(&amp;B)</translation>
    </message>
    <message>
        <source>显示藏文(&amp;T)</source>
        <translation>བོད་ཡིག་སྟོན།(&amp;T)</translation>
    </message>
    <message>
        <source>打印指南(&amp;P)</source>
        <translation>ལམ་སྟོན་པར་འདེབས།(&amp;P)</translation>
    </message>
    <message>
        <source>一件事</source>
        <translation>ཟླ་སྒྲིལ་དོན་ཚན</translation>
    </message>
    <message>
        <source>找到 {n} 项</source>
        <translation>རྣམ་གྲངས་ {n} རྙེད།</translation>
    </message>
    <message>
        <source>没有找到。可以换个说法，或输入拼音首字母。</source>
        <translation>རྙེད་མ་སོང་། ཚིག་གཞན་ཞིག་བཀོལ་བའམ། ཕིན་ཡིན་གྱི་ཡིག་འགོ་ནང་འཇུག་བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>共 {n} 项</source>
        <translation>ཁྱོན་རྣམ་གྲངས་ {n}</translation>
    </message>
    <message>
        <source>这是即办件：材料齐全的，当场办好。</source>
        <translation>འདི་ནི་འཕྲལ་སྒྲུབ་ལས་དོན་ཡིན། ཡིག་ཆ་ཚང་ན་ས་ཐོག་ཏུ་སྒྲུབ་ཚར་བྱེད།</translation>
    </message>
    <message>
        <source>法定办结时限 {legal} 个工作日，我们承诺 {promised} 个工作日内办好。</source>
        <translation>ཁྲིམས་ལྡན་སྒྲུབ་ཚར་དུས་ཚད་ནི་ལས་ཉིན་ {legal} ཡིན། ང་ཚོས་ལས་ཉིན་ {promised} ནང་སྒྲུབ་ཚར་རྒྱུའི་ཁས་ལེན་བྱེད།</translation>
    </message>
    <message>
        <source>{title}：{value}</source>
        <translation>{title}: {value}</translation>
    </message>
    <message>
        <source>这件事一次办理以下 {n} 个事项：</source>
        <translation>ཟླ་སྒྲིལ་དོན་ཚན་འདིས་གཤམ་གྱི་དོན་ཚན་ {n} ཐེངས་གཅིག་ལ་སྒྲུབ:</translation>
    </message>
    <message>
        <source>需要带的材料（共 {n} 项）</source>
        <translation>ཁྱེར་དགོས་པའི་ཡིག་ཆ། (ཁྱོན་རྣམ་གྲངས་ {n})</translation>
    </message>
    <message>
        <source>材料不齐的，窗口会一次性告诉您还需要补哪些材料。</source>
        <translation>ཡིག་ཆ་མ་ཚང་ན། སྒེའུ་ཁུང་གིས་ཁ་སྐོང་དགོས་པའི་ཡིག་ཆ་ཐེངས་གཅིག་ལ་ཁྱེད་ལ་བརྡ་སྤྲོད་བྱེད།</translation>
    </message>
    <message>
        <source>在左边查找并选择一个事项，这里显示它的办事指南。</source>
        <translation>གཡོན་ཕྱོགས་སུ་དོན་ཚན་ཞིག་འཚོལ་ནས་འདེམས་དང་། འདིར་དེའི་ལས་སྒྲུབ་ལམ་སྟོན་མངོན་ཡོང་།</translation>
    </message>
</context>
<context>
    <name>GuideView</name>
    <message>
        <source>办理流程</source>
        <translation>ལས་སྒྲུབ་བྱ་རིམ།</translation>
    </message>
    <message>
        <source>到现场次数</source>
        <translation>ས་ཐོག་ཏུ་ཡོང་དགོས་པའི་ཐེངས་གྲངས།</translation>
    </message>
    <message>
        <source>预约办理</source>
        <translation>སྔོན་འགོག་ལས་སྒྲུབ།</translation>
    </message>
    <message>
        <source>办理时间</source>
        <translation>ལས་སྒྲུབ་དུས་ཚོད།</translation>
    </message>
    <message>
        <source>承诺内容</source>
        <translation>ཁས་ལེན་གྱི་ནང་དོན།</translation>
    </message>
    <message>
        <source>违诺责任</source>
        <translation>ཁས་ལེན་ལས་འགལ་བའི་འགན།</translation>
    </message>
    <message>
        <source>核查方式</source>
        <translation>ཞིབ་བཤེར་བྱེད་ཐབས།</translation>
    </message>
    <message>
        <source>委托受理站点</source>
        <translation>བཅོལ་འཇུག་ཐོག་ལེན་པའི་ས་ཚིགས།</translation>
    </message>
    <message>
        <source>样表</source>
        <translation>དཔེ་ཤོག</translation>
    </message>
    <message>
        <source>常见错误</source>
        <translation>རྒྱུན་མཐོང་ནོར་འཁྲུལ།</translation>
    </message>
    <message>
        <source>监督投诉</source>
        <translation>ལྟ་སྐུལ་དང་སྐྱོན་བརྗོད།</translation>
    </message>
    <message>
        <source>{n} 次</source>
        <translation>ཐེངས་ {n}</translation>
    </message>
    <message>
        <source>不用到现场（全程网上办理）</source>
        <translation>ས་ཐོག་ཏུ་ཡོང་མི་དགོས། (དྲ་ཐོག་ནས་ཆ་ཚང་སྒྲུབ་ཆོག)</translation>
    </message>
    <message>
        <source>可以预约</source>
        <translation>སྔོན་འགོག་བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>无需预约，直接到窗口办理</source>
        <translation>སྔོན་འགོག་མི་དགོས། སྒེའུ་ཁུང་དུ་ཐད་ཀར་ཡོང་ནས་སྒྲུབ་ཆོག</translation>
    </message>
    <message>
        <source>批准后 {n} 个工作日内核查</source>
        <translation>ཆོག་མཆན་ཐོབ་རྗེས་ལས་ཉིན་ {n} ནང་ཞིབ་བཤེར་བྱེད།</translation>
    </message>
    <message>
        <source>选择事项后，这里显示办事指南：申请条件、所需材料、办理时限和办理部门。</source>
        <translation>དོན་ཚན་བདམས་རྗེས་འདིར་ལས་སྒྲུབ་ལམ་སྟོན་མངོན་ཡོང་། རེ་ཞུའི་ཆ་རྐྱེན། དགོས་པའི་ཡིག་ཆ། སྒྲུབ་པའི་དུས་ཚད། སྒྲུབ་མཁན་ལས་ཁུངས་བཅས།</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>受理</source>
        <translation>ངོས་ལེན།</translation>
    </message>
    <message>
        <source>放弃本次受理(&amp;Q)</source>
        <translation>ངོས་ལེན་ཐེངས་འདི་བློས་གཏོང་།(&amp;Q)</translation>
    </message>
    <message>
        <source>上一步(&amp;B)</source>
        <translation>གོམ་པ་སྔོན་མ།(&amp;B)</translation>
    </message>
    <message>
        <source>Alt+← 回到上一步，已填的内容都保留</source>
        <translation>Alt+← གོམ་པ་སྔོན་མར་ཕྱིར་ལོག བྲིས་ཟིན་པའི་ནང་དོན་ཚང་མ་ཉར་ཡོད།</translation>
    </message>
    <message>
        <source>提交(&amp;N)</source>
        <translation>འབུལ་བ།(&amp;N)</translation>
    </message>
    <message>
        <source>Alt+← 上一步&#x3000;Ctrl+回车 提交</source>
        <translation>Alt+← གོམ་པ་སྔོན་མ།   Ctrl+Enter འབུལ་བ།</translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation>གོམ་པ་རྗེས་མ།(&amp;N)</translation>
    </message>
    <message>
        <source>Alt+← 上一步&#x3000;Alt+→ 或 Ctrl+回车 下一步</source>
        <translation>Alt+← གོམ་པ་སྔོན་མ།   Alt+→ ཡང་ན་ Ctrl+Enter གོམ་པ་རྗེས་མ།</translation>
    </message>
    <message>
        <source>新受理</source>
        <translation>ངོས་ལེན་གསར་པ།</translation>
    </message>
    <message>
        <source>上一位群众的受理还没有提交（{who}）。继续办理上一位，还是放弃它并新建空白受理？</source>
        <translation>མི་སྔ་མའི་ངོས་ལེན་ད་དུང་ཕུལ་མེད།  ({who}) མི་སྔ་མ་མུ་མཐུད་སྒྲུབ་བམ། ཡང་ན་དེ་བློས་བཏང་ནས་ངོས་ལེན་སྟོང་པ་གསར་བཟོ་བྱེད་དམ།</translation>
    </message>
    <message>
        <source>未填姓名</source>
        <translation>མིང་མ་བྲིས།</translation>
    </message>
    <message>
        <source>继续上一位(&amp;C)</source>
        <translation>མི་སྔ་མ་མུ་མཐུད།(&amp;C)</translation>
    </message>
    <message>
        <source>放弃并新建(&amp;N)</source>
        <translation>བློས་བཏང་ནས་གསར་བཟོ།(&amp;N)</translation>
    </message>
    <message>
        <source>放弃本次受理</source>
        <translation>ངོས་ལེན་ཐེངས་འདི་བློས་གཏོང་།</translation>
    </message>
    <message>
        <source>已填写的内容将全部清除，确定放弃吗？</source>
        <translation>བྲིས་ཟིན་པའི་ནང་དོན་ཚང་མ་བསུབ་རྒྱུ་ཡིན། གཏན་འཁེལ་བློས་གཏོང་ངམ།</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>དོན་ཚན།</translation>
    </message>
    <message>
        <source>一件事</source>
        <translation>ཟླ་སྒྲིལ་དོན་ཚན།</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>ཐག་གཅོད།</translation>
    </message>
    <message>
        <source>不予受理理由</source>
        <translation>ངོས་ལེན་མི་བྱེད་པའི་རྒྱུ་མཚན།</translation>
    </message>
    <message>
        <source>补正期限</source>
        <translation>ཁ་སྐོང་ཞུ་དག་དུས་བཀག</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>སྐྱེལ་འབྱོར།</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>已收件</source>
        <translation>བསྡུ་ལེན་ཟིན</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>ངོས་ལེན་ཟིན</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>ངོས་ལེན་མི་བྱེད་པ</translation>
    </message>
    <message>
        <source>待补正</source>
        <translation>ཁ་སྐོང་ཞུ་དག་སྒུག་བཞིན</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>སྒྲུབ་བཞིན་པ</translation>
    </message>
    <message>
        <source>特别程序</source>
        <translation>དམིགས་བསལ་བྱ་རིམ</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>སྒྲུབ་ཚར་ཟིན</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>སྐྱེལ་འབྱོར་ཟིན</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>ཕྱིར་འཐེན་ཟིན</translation>
    </message>
    <message>
        <source>已撤销受理</source>
        <translation>ངོས་ལེན་རྩིས་མེད་བཏང་ཟིན</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>ངོས་ལེན</translation>
    </message>
    <message>
        <source>容缺受理</source>
        <translation>ཆད་ཆོག་ངོས་ལེན</translation>
    </message>
    <message>
        <source>告知承诺</source>
        <translation>བརྡ་སྤྲོད་ཁས་ལེན</translation>
    </message>
    <message>
        <source>一次性告知（补正）</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད (ཁ་སྐོང་ཞུ་དག)</translation>
    </message>
    <message>
        <source>本人办理</source>
        <translation>རང་ཉིད་ཀྱིས་སྒྲུབ་པ</translation>
    </message>
    <message>
        <source>帮办</source>
        <translation>རོགས་སྒྲུབ</translation>
    </message>
    <message>
        <source>代办</source>
        <translation>ཚབ་སྒྲུབ</translation>
    </message>
    <message>
        <source>上门服务</source>
        <translation>ཁྱིམ་སྒོར་ཞབས་ཞུ</translation>
    </message>
    <message>
        <source>亲属</source>
        <translation>ཉེ་འབྲེལ</translation>
    </message>
    <message>
        <source>村干部</source>
        <translation>གྲོང་ཚོའི་ལས་བྱེད</translation>
    </message>
    <message>
        <source>驻村工作队</source>
        <translation>གྲོང་སྡོད་ལས་དོན་རུ་ཁག</translation>
    </message>
    <message>
        <source>帮办代办员</source>
        <translation>རོགས་སྒྲུབ་ཚབ་སྒྲུབ་པ</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>གཞན</translation>
    </message>
    <message>
        <source>书面授权委托书</source>
        <translation>ཡིག་ཐོག་དབང་སྤྲོད་བཅོལ་འཛིན་ཡི་གེ།</translation>
    </message>
    <message>
        <source>公证委托书</source>
        <translation>ཁྲིམས་དཔང་བཅོལ་འཛིན་ཡི་གེ།</translation>
    </message>
    <message>
        <source>法定代理（监护人）</source>
        <translation>ཁྲིམས་ལྡན་ཚབ་བྱེད་པ། (སྲུང་སྐྱོང་བ།)</translation>
    </message>
    <message>
        <source>村（居）委会证明</source>
        <translation>གྲོང་ཚོ (སྡོད་ཁུལ) ཨུ་ཡོན་ལྷན་ཁང་གི་ར་སྤྲོད་ཡི་གེ།</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>སྒེར་མི</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>ལས་ཁུངས</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>འབྱོར་ཟིན</translation>
    </message>
    <message>
        <source>电子证照</source>
        <translation>གློག་རྡུལ་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>容缺（后补）</source>
        <translation>ཆད་ཆོག (ཕྱིས་སྤྲོད)</translation>
    </message>
    <message>
        <source>缺少</source>
        <translation>ཆད་པ</translation>
    </message>
    <message>
        <source>承诺代替</source>
        <translation>ཁས་ལེན་གྱིས་ཚབ</translation>
    </message>
    <message>
        <source>无此情形</source>
        <translation>གནས་སྟངས་འདི་མེད</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>མ་ཡིག</translation>
    </message>
    <message>
        <source>复印件</source>
        <translation>འདྲ་བཤུས</translation>
    </message>
    <message>
        <source>窗口领取</source>
        <translation>སྒེའུ་ཁུང་ནས་ལེན་པ</translation>
    </message>
    <message>
        <source>邮寄送达</source>
        <translation>སྦྲག་སྐུར་སྐྱེལ་འབྱོར</translation>
    </message>
    <message>
        <source>电子送达</source>
        <translation>གློག་རྡུལ་སྐྱེལ་འབྱོར</translation>
    </message>
    <message>
        <source>准予</source>
        <translation>ཆོག་མཆན་སྤྲོད</translation>
    </message>
    <message>
        <source>不予准予</source>
        <translation>ཆོག་མཆན་མི་སྤྲོད</translation>
    </message>
    <message>
        <source>窗口电脑</source>
        <translation>སྒེའུ་ཁུང་གི་གློག་ཀླད།</translation>
    </message>
    <message>
        <source>工作队笔记本电脑</source>
        <translation>ལས་དོན་རུ་ཁག་གི་ལག་ཐོགས་གློག་ཀླད།</translation>
    </message>
    <message>
        <source>中心中继</source>
        <translation>ལྟེ་གནས་ཀྱི་བར་བརྒྱུད།</translation>
    </message>
    <message>
        <source>申请人姓名</source>
        <translation>རེ་ཞུ་བའི་མིང་།</translation>
    </message>
    <message>
        <source>申请人藏文姓名</source>
        <translation>རེ་ཞུ་བའི་བོད་ཡིག་མིང་།</translation>
    </message>
    <message>
        <source>申请人证件号码</source>
        <translation>རེ་ཞུ་བའི་ལག་ཁྱེར་ཨང་གྲངས།</translation>
    </message>
    <message>
        <source>申请人电话</source>
        <translation>རེ་ཞུ་བའི་ཁ་པར།</translation>
    </message>
    <message>
        <source>申请人住址</source>
        <translation>རེ་ཞུ་བའི་སྡོད་གནས།</translation>
    </message>
    <message>
        <source>代办人姓名</source>
        <translation>ཚབ་སྒྲུབ་པའི་མིང་།</translation>
    </message>
    <message>
        <source>代办人证件号码</source>
        <translation>ཚབ་སྒྲུབ་པའི་ལག་ཁྱེར་ཨང་གྲངས།</translation>
    </message>
    <message>
        <source>代办人电话</source>
        <translation>ཚབ་སྒྲུབ་པའི་ཁ་པར།</translation>
    </message>
    <message>
        <source>送达地址</source>
        <translation>སྐྱེལ་འབྱོར་ས་གནས།</translation>
    </message>
    <message>
        <source>送达电话</source>
        <translation>སྐྱེལ་འབྱོར་ཁ་པར།</translation>
    </message>
    <message>
        <source>老年人</source>
        <translation>རྒན་པོ།</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>དབང་པོ་སྐྱོན་ཅན།</translation>
    </message>
    <message>
        <source>军人军属及优抚对象</source>
        <translation>དམག་མི་དང་དམག་མིའི་ཁྱིམ་མི། གཟིགས་སྐྱོང་བྱ་ཡུལ།</translation>
    </message>
    <message>
        <source>孕妇</source>
        <translation>སྦྲུམ་མ།</translation>
    </message>
    <message>
        <source>重病患者</source>
        <translation>ནད་ལྕི་བ།</translation>
    </message>
    <message>
        <source>困难群众</source>
        <translation>དཀའ་ངལ་ཅན་གྱི་མང་ཚོགས།</translation>
    </message>
    <message>
        <source>已履行承诺</source>
        <translation>ཁས་ལེན་ལག་བསྟར་བྱས་ཟིན།</translation>
    </message>
    <message>
        <source>违反承诺（承诺不实）</source>
        <translation>ཁས་ལེན་ལས་འགལ། (ཁས་ལེན་བདེན་མིན།)</translation>
    </message>
    <message>
        <source>当场解答</source>
        <translation>ས་ཐོག་ཏུ་ལན་བཏབ།</translation>
    </message>
    <message>
        <source>告知办理条件和材料清单</source>
        <translation>སྒྲུབ་པའི་ཆ་རྐྱེན་དང་ཡིག་ཆའི་ཐོ་བརྡ་ཁྱབ།</translation>
    </message>
    <message>
        <source>引导至其他部门或窗口</source>
        <translation>ལས་ཁུངས་སམ་སྒེའུ་ཁུང་གཞན་དུ་ཁྲིད།</translation>
    </message>
    <message>
        <source>指导网上、掌上办理</source>
        <translation>དྲ་ཐོག་དང་ལག་ཐོག་ཏུ་སྒྲུབ་ཐབས་སྟོན།</translation>
    </message>
    <message>
        <source>约定回复</source>
        <translation>ཕྱིས་སུ་ལན་འདེབས་པར་ཁས་ལེན།</translation>
    </message>
    <message>
        <source>平台通知</source>
        <translation>སྟེགས་བུའི་བརྡ་ཁྱབ།</translation>
    </message>
    <message>
        <source>平台的办件状态未能写入办件</source>
        <translation>སྟེགས་བུའི་ལས་དོན་གནས་སྟངས་ལས་དོན་དུ་འབྲི་མ་ཐུབ།</translation>
    </message>
    <message>
        <source>平台发布的事项目录未采用</source>
        <translation>སྟེགས་བུས་སྤེལ་བའི་ལས་དོན་ཐོ་གཞུང་བེད་སྤྱོད་མ་བྱས།</translation>
    </message>
    <message>
        <source>平台发布的工作日历未采用</source>
        <translation>སྟེགས་བུས་སྤེལ་བའི་ལས་ཉིན་ལོ་ཐོ་བེད་སྤྱོད་མ་བྱས།</translation>
    </message>
    <message>
        <source>平台的一条更新未能处理</source>
        <translation>སྟེགས་བུའི་གསར་སྒྱུར་ཞིག་ཐག་གཅོད་བྱེད་མ་ཐུབ།</translation>
    </message>
    <message>
        <source>本站其他设备的记录被拒收</source>
        <translation>ས་ཚིགས་འདིའི་སྒྲིག་ཆས་གཞན་གྱི་ཟིན་ཐོ་ལེན་མ་ཆོག</translation>
    </message>
    <message>
        <source>{n}号窗口</source>
        <translation>སྒེའུ་ཁུང་ཨང་{n}</translation>
    </message>
    <message>
        <source>与前一条事件接不上</source>
        <translation>སྔོན་གྱི་དོན་རྐྱེན་དང་མཐུད་མི་ཐུབ།</translation>
    </message>
    <message>
        <source>内容与哈希不符（可能被改动）</source>
        <translation>ནང་དོན་དང་ཧ་ཤི་མི་མཐུན། (བཟོ་བཅོས་བྱས་སྲིད།)</translation>
    </message>
    <message>
        <source>缺少事件</source>
        <translation>དོན་རྐྱེན་ཆད་འདུག</translation>
    </message>
    <message>
        <source>混入了其他设备或其他服务站的事件</source>
        <translation>སྒྲིག་ཆས་གཞན་ནམ་ཞབས་ཞུ་ས་ཚིགས་གཞན་གྱི་དོན་རྐྱེན་ཞུགས་འདུག</translation>
    </message>
    <message>
        <source>窗口人员</source>
        <translation>སྒེའུ་ཁུང་ལས་བྱེད་པ</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>དོ་དམ་པ</translation>
    </message>
    <message>
        <source>即办件</source>
        <translation>འཕྲལ་སྒྲུབ་ལས་དོན</translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation>ཁས་ལེན་ལས་དོན</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>རྒྱུན་ལྡན</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>དུས་བཀག་ཉེ་བ</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>དུས་ཡོལ་ཟིན</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>ཧ་ཅང་ཡིད་ཚིམ</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>ཡིད་ཚིམ</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>ཕལ་ཆེར་ཡིད་ཚིམ</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>ཡིད་མ་ཚིམ</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>ཧ་ཅང་ཡིད་མ་ཚིམ</translation>
    </message>
    <message>
        <source>仍不满意</source>
        <translation>ད་དུང་ཡིད་མ་ཚིམ</translation>
    </message>
    <message>
        <source>电话回访</source>
        <translation>ཁ་པར་ཐོག་བསྐྱར་འདྲི</translation>
    </message>
    <message>
        <source>上门回访</source>
        <translation>ཁྱིམ་སྒོར་བསྐྱར་འདྲི</translation>
    </message>
    <message>
        <source>来窗口时回访</source>
        <translation>སྒེའུ་ཁུང་དུ་ཡོང་སྐབས་བསྐྱར་འདྲི</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>སྡོད་དམངས་ཐོབ་ཐང་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>སྤྱི་ལམ་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation>ཞང་ཀང་དང་ཨོ་མོན་སྡོད་དམངས་ནང་ས་ལ་འགྲོ་འོང་བྱེད་པའི་འགྲིམ་འགྲུལ་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation>ཐའེ་ཝན་སྡོད་དམངས་རྒྱལ་ནང་ས་གཞི་ཆེན་པོར་འགྲོ་འོང་བྱེད་པའི་འགྲིམ་འགྲུལ་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>港澳台居民居住证</source>
        <translation>ཞང་ཀང་དང་ཨོ་མོན། ཐའེ་ཝན་སྡོད་དམངས་ཀྱི་སྡོད་གནས་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>ཕྱི་རྒྱལ་བའི་གཏན་སྡོད་ཐོབ་ཐང་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>军官证</source>
        <translation>དམག་དཔོན་ལག་ཁྱེར</translation>
    </message>
    <message>
        <source>其他证件</source>
        <translation>ལག་ཁྱེར་གཞན</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>སྤྱི་ཚོགས་ཡིད་རྟོན་ཚབ་ཨང་གཅིག་གྱུར</translation>
    </message>
    <message>
        <source>受理凭证</source>
        <translation>ངོས་ལེན་ཁུངས་ཡིག</translation>
    </message>
    <message>
        <source>一次性告知书</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད་ཡི་གེ</translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation>ངོས་ལེན་མི་བྱེད་པའི་བརྡ་ཐོ</translation>
    </message>
    <message>
        <source>容缺受理通知书</source>
        <translation>ཆད་ཆོག་ངོས་ལེན་བརྡ་ཐོ</translation>
    </message>
    <message>
        <source>告知承诺书</source>
        <translation>བརྡ་སྤྲོད་ཁས་ལེན་ཡི་གེ</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>དབང་སྤྲོད་བཅོལ་འཛིན་ཡི་གེ</translation>
    </message>
    <message>
        <source>结果领取单</source>
        <translation>སྒྲུབ་འབྲས་ལེན་པའི་ཤོག་བྱང</translation>
    </message>
    <message>
        <source>撤销受理决定通知书</source>
        <translation>ངོས་ལེན་རྩིས་མེད་ཀྱི་བརྡ་ཁྱབ།</translation>
    </message>
    <message>
        <source>行政许可</source>
        <translation>སྲིད་འཛིན་ཆོག་མཆན</translation>
    </message>
    <message>
        <source>行政确认</source>
        <translation>སྲིད་འཛིན་ངོས་འཛིན</translation>
    </message>
    <message>
        <source>行政给付</source>
        <translation>སྲིད་འཛིན་སྤྲོད་སྒྲུབ</translation>
    </message>
    <message>
        <source>行政奖励</source>
        <translation>སྲིད་འཛིན་བྱ་དགའ</translation>
    </message>
    <message>
        <source>行政裁决</source>
        <translation>སྲིད་འཛིན་ཐག་གཅོད</translation>
    </message>
    <message>
        <source>其他行政权力</source>
        <translation>སྲིད་འཛིན་དབང་ཆ་གཞན</translation>
    </message>
    <message>
        <source>公共服务</source>
        <translation>སྤྱི་པའི་ཞབས་ཞུ</translation>
    </message>
    <message>
        <source>收件数</source>
        <translation>བསྡུ་ལེན་གྲངས</translation>
    </message>
    <message>
        <source>计入办件数</source>
        <translation>རྩིས་འཇུག་ལས་དོན་གྲངས</translation>
    </message>
    <message>
        <source>最多跑一次</source>
        <translation>མང་མཐའ་ཐེངས་གཅིག་ཡོང་བ</translation>
    </message>
    <message>
        <source>办结数</source>
        <translation>སྒྲུབ་ཚར་གྲངས</translation>
    </message>
    <message>
        <source>按时办结</source>
        <translation>དུས་ཐོག་སྒྲུབ་ཚར</translation>
    </message>
    <message>
        <source>当前超期</source>
        <translation>ད་ལྟའི་དུས་ཡོལ</translation>
    </message>
    <message>
        <source>评价数</source>
        <translation>དཔྱད་བརྗོད་གྲངས</translation>
    </message>
    <message>
        <source>差评数</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་གྲངས</translation>
    </message>
    <message>
        <source>差评未回访</source>
        <translation>བསྐྱར་འདྲི་མ་བྱས་པའི་དཔྱད་བརྗོད་ངན་པ</translation>
    </message>
    <message>
        <source>差评已整改</source>
        <translation>བཅོས་སྒྲིག་བྱས་ཟིན་པའི་དཔྱད་བརྗོད་ངན་པ</translation>
    </message>
    <message>
        <source>差评已回访</source>
        <translation>བསྐྱར་འདྲི་བྱས་ཟིན་པའི་དཔྱད་བརྗོད་ངན་པ</translation>
    </message>
    <message>
        <source>驻村工作队代办</source>
        <translation>གྲོང་སྡོད་ལས་དོན་རུ་ཁག་གི་ཚབ་སྒྲུབ</translation>
    </message>
    <message>
        <source>跨域通办</source>
        <translation>ས་ཁུལ་བརྒལ་ནས་སྒྲུབ་པ</translation>
    </message>
    <message>
        <source>特殊群体</source>
        <translation>དམིགས་བསལ་མི་ཚོགས</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>འདྲི་རྩད</translation>
    </message>
    <message>
        <source>即办率</source>
        <translation>འཕྲལ་སྒྲུབ་བསྡུར་ཚད</translation>
    </message>
    <message>
        <source>最多跑一次率</source>
        <translation>མང་མཐའ་ཐེངས་གཅིག་ཡོང་བའི་བསྡུར་ཚད</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation>དུས་ཐོག་སྒྲུབ་ཚར་བསྡུར་ཚད</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>ཡིད་ཚིམ་བསྡུར་ཚད</translation>
    </message>
    <message>
        <source>按事项</source>
        <translation>ལས་དོན་རིགས་ལྟར</translation>
    </message>
    <message>
        <source>按经办人</source>
        <translation>ལས་སྒྲུབ་པ་ལྟར</translation>
    </message>
    <message>
        <source>按窗口</source>
        <translation>སྒེའུ་ཁུང་ལྟར</translation>
    </message>
    <message>
        <source>按办理方式</source>
        <translation>སྒྲུབ་སྟངས་ལྟར</translation>
    </message>
    <message>
        <source>A4 纸</source>
        <translation>A4 ཤོག་བུ</translation>
    </message>
    <message>
        <source>A5 纸</source>
        <translation>A5 ཤོག་བུ</translation>
    </message>
    <message>
        <source>80 毫米热敏小票</source>
        <translation>80 mm དྲོད་ཚོར་ཤོག་བྱང་ཆུང་བ</translation>
    </message>
    <message>
        <source>收件</source>
        <translation>བསྡུ་ལེན</translation>
    </message>
    <message>
        <source>受理决定</source>
        <translation>ངོས་ལེན་ཐག་གཅོད</translation>
    </message>
    <message>
        <source>不予受理决定</source>
        <translation>ངོས་ལེན་མི་བྱེད་པའི་ཐག་གཅོད</translation>
    </message>
    <message>
        <source>一次性告知补正</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད་དང་ཁ་སྐོང་ཞུ་དག</translation>
    </message>
    <message>
        <source>补正后重新受理</source>
        <translation>ཁ་སྐོང་ཞུ་དག་རྗེས་བསྐྱར་དུ་ངོས་ལེན</translation>
    </message>
    <message>
        <source>补交容缺材料</source>
        <translation>ཆད་ཆོག་ཡིག་ཆ་ཕྱིས་སྤྲོད</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>སྒྲུབ་འགོ་ཚུགས</translation>
    </message>
    <message>
        <source>特别程序开始</source>
        <translation>དམིགས་བསལ་བྱ་རིམ་འགོ་ཚུགས</translation>
    </message>
    <message>
        <source>特别程序结束</source>
        <translation>དམིགས་བསལ་བྱ་རིམ་མཇུག་རྫོགས</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>སྒྲུབ་ཚར</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>སྐྱེལ་འབྱོར</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>ཕྱིར་འཐེན</translation>
    </message>
    <message>
        <source>撤销受理决定</source>
        <translation>ངོས་ལེན་གྱི་ཐག་གཅོད་རྩིས་མེད།</translation>
    </message>
    <message>
        <source>申请人到窗口</source>
        <translation>རེ་ཞུ་བ་སྒེའུ་ཁུང་དུ་ཡོང་བ</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>ཡིག་ཆ་པར་འདེབས</translation>
    </message>
    <message>
        <source>补打文书</source>
        <translation>ཡིག་ཆ་བསྐྱར་པར</translation>
    </message>
    <message>
        <source>好差评</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད</translation>
    </message>
    <message>
        <source>平台状态更新</source>
        <translation>སྟེགས་བུའི་གནས་སྟངས་གསར་སྒྱུར</translation>
    </message>
    <message>
        <source>材料寄出</source>
        <translation>ཡིག་ཆ་སྐུར་ཟིན</translation>
    </message>
    <message>
        <source>添加扫描件</source>
        <translation>བཤེར་ཡིག་སྣོན་པ།</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>འགལ་བ་ཐག་གཅོད།</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>ཞུ་དག</translation>
    </message>
    <message>
        <source>告知承诺核查</source>
        <translation>བརྡ་ཁྱབ་ཁས་ལེན་ཞིབ་བཤེར།</translation>
    </message>
    <message>
        <source>按新日历重算期限</source>
        <translation>ལོ་ཐོ་གསར་པ་ལྟར་དུས་བཀག་བསྐྱར་རྩིས།</translation>
    </message>
    <message>
        <source>差评整改</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག</translation>
    </message>
    <message>
        <source>差评回访</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བསྐྱར་འདྲི</translation>
    </message>
    <message>
        <source>内容与日志哈希不符（可能被改动）</source>
        <translation>ནང་དོན་དང་ཉིན་ཐོའི་ hash མི་མཐུན། (བཟོ་བཅོས་བྱས་ཡོད་སྲིད།)</translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation>རྣམ་གཞག་ནོར་འདུག</translation>
    </message>
    <message>
        <source>不属于本服务站</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་འདིའི་མིན།</translation>
    </message>
    <message>
        <source>与平台已有记录冲突</source>
        <translation>སྟེགས་བུའི་ཟིན་ཐོ་ཡོད་པ་དང་འགལ།</translation>
    </message>
    <message>
        <source>该办件属于其他服务站</source>
        <translation>ལས་དོན་འདི་ཞབས་ཞུ་ས་ཚིགས་གཞན་གྱི་ཡིན།</translation>
    </message>
    <message>
        <source>含有不允许的控制字符</source>
        <translation>ཆོག་མཆན་མེད་པའི་ཚོད་འཛིན་ཡིག་རྟགས་ཚུད་འདུག</translation>
    </message>
    <message>
        <source>办件编号不属于本服务站</source>
        <translation>ལས་དོན་ཨང་གྲངས་ཞབས་ཞུ་ས་ཚིགས་འདིའི་མིན།</translation>
    </message>
    <message>
        <source>平台在该序号上已有另一条记录（可能恢复过旧备份）</source>
        <translation>སྟེགས་བུར་གོ་རིམ་འདིའི་ཐོག་ཟིན་ཐོ་གཞན་ཞིག་ཡོད་ཟིན། (གྲབས་ཉར་རྙིང་པ་སླར་གསོ་བྱས་ཡོད་སྲིད།)</translation>
    </message>
    <message>
        <source>与平台已收到的日志接不上（哈希链断开）</source>
        <translation>སྟེགས་བུར་འབྱོར་ཟིན་པའི་ཉིན་ཐོ་དང་མཐུད་མི་ཐུབ། (hash སྒྲོག་རིམ་ཆད་འདུག)</translation>
    </message>
    <message>
        <source>平台已有该办件编号的另一次受理</source>
        <translation>སྟེགས་བུར་ལས་དོན་ཨང་གྲངས་འདིའི་ངོས་ལེན་གཞན་ཞིག་ཡོད་ཟིན།</translation>
    </message>
    <message>
        <source>记录属于本站另一台设备，不能由本机发送</source>
        <translation>ཟིན་ཐོ་འདི་ཞབས་ཞུ་ས་ཚིགས་འདིའི་སྒྲིག་ཆས་གཞན་ཞིག་གི་ཡིན་པས། གློག་ཀླད་འདི་ནས་བསྐུར་མི་ཆོག</translation>
    </message>
    <message>
        <source>办件编号中的设备号不是受理它的设备</source>
        <translation>ལས་དོན་ཨང་གྲངས་ནང་གི་སྒྲིག་ཆས་ཨང་དེ་ལས་དོན་དང་ལེན་བྱས་པའི་སྒྲིག་ཆས་མ་རེད།</translation>
    </message>
    <message>
        <source>未登记到平台，记录只保存在本机</source>
        <translation>སྟེགས་བུར་ཐོ་འགོད་བྱས་མེད། ཟིན་ཐོ་གློག་ཀླད་འདིར་ཁོ་ན་ཉར་ཡོད།</translation>
    </message>
    <message>
        <source>尚未与平台同步</source>
        <translation>སྟེགས་བུ་དང་ད་དུང་དུས་མཉམ་སྒྲིག་བྱས་མེད།</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>དྲ་ཐོག</translation>
    </message>
    <message>
        <source>离线：记录已保存在本机，联网后自动发送</source>
        <translation>དྲ་རྒྱ་ཆད: ཟིན་ཐོ་གློག་ཀླད་འདིར་ཉར་ཟིན། དྲ་རྒྱ་མཐུད་རྗེས་རང་འགུལ་གྱིས་བསྐུར་རྒྱུ།</translation>
    </message>
    <message>
        <source>平台拒绝本站，记录暂不发送（办法见工作台）</source>
        <translation>སྟེགས་བུས་ས་ཚིགས་འདི་ཕྱིར་སློག་བྱས། ཟིན་ཐོ་གནས་སྐབས་མི་བསྐུར། (ཐབས་ལམ་ལས་སྟེགས་སུ་ལྟོས།)</translation>
    </message>
    <message>
        <source>平台应答有误，记录暂不发送（办法见工作台）</source>
        <translation>སྟེགས་བུའི་ལན་འདེབས་ནོར་འདུག ཟིན་ཐོ་གནས་སྐབས་མི་བསྐུར། (ཐབས་ལམ་ལས་སྟེགས་སུ་ལྟོས།)</translation>
    </message>
    <message>
        <source>同步未完成，稍后自动重试</source>
        <translation>དུས་མཉམ་སྒྲིག་ལེགས་གྲུབ་མ་བྱུང་། ཅུང་ཙམ་རྗེས་རང་འགུལ་གྱིས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད།</translation>
    </message>
    <message>
        <source>本站尚未登记到平台，记录都保存在本机。请管理员在“设置”中用平台给的登记码登记。</source>
        <translation>ས་ཚིགས་འདི་ད་དུང་སྟེགས་བུར་ཐོ་འགོད་བྱས་མེད། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། དོ་དམ་པས་“སྒྲིག་འགོད”ནང་སྟེགས་བུས་སྤྲད་པའི་ཐོ་འགོད་ཨང་རྟགས་བཀོལ་ནས་ཐོ་འགོད་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>本站已登记，正在等待第一次与平台同步。记录都保存在本机。</source>
        <translation>ས་ཚིགས་འདི་ཐོ་འགོད་ཟིན། སྟེགས་བུ་དང་ཐེངས་དང་པོའི་དུས་མཉམ་སྒྲིག་སྒུག་བཞིན་ཡོད། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད།</translation>
    </message>
    <message>
        <source>与平台连接正常，记录会自动上报。</source>
        <translation>སྟེགས་བུ་དང་འབྲེལ་མཐུད་རྒྱུན་ལྡན། ཟིན་ཐོ་རང་འགུལ་གྱིས་ཡར་སྤྲོད་བྱེད།</translation>
    </message>
    <message>
        <source>现在连不上平台（离线）。办件照常受理，所有记录都安全保存在这台电脑上，网络恢复后会自动发送到平台，不需要重新录入。</source>
        <translation>ད་ལྟ་སྟེགས་བུ་དང་འབྲེལ་མཐུད་བྱེད་ཐབས་མེད། (དྲ་རྒྱ་ཆད།) ལས་དོན་རྒྱུན་ལྟར་ངོས་ལེན་བྱེད་ཆོག ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིའི་ནང་བདེ་འཇགས་ངང་ཉར་ཡོད། དྲ་རྒྱ་སླར་གསོ་བྱུང་རྗེས་རང་འགུལ་གྱིས་སྟེགས་བུར་བསྐུར་རྒྱུ་ཡིན་པས། བསྐྱར་དུ་ནང་འཇུག་བྱེད་མི་དགོས།</translation>
    </message>
    <message>
        <source>平台拒绝了本站的请求。记录都保存在本机，但暂时不会发送。请联系县级信息化人员。</source>
        <translation>སྟེགས་བུས་ས་ཚིགས་འདིའི་བླང་བྱ་ཕྱིར་སློག་བྱས། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། འོན་ཀྱང་གནས་སྐབས་མི་བསྐུར། རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>平台的应答不符合协议，记录都保存在本机，暂时不会发送。请联系县级信息化人员，并告诉他们平台地址。</source>
        <translation>སྟེགས་བུའི་ལན་འདེབས་གྲོས་མཐུན་དང་མི་མཐུན། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། གནས་སྐབས་མི་བསྐུར། རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་ནས་སྟེགས་བུའི་ས་གནས་བརྗོད་རོགས།</translation>
    </message>
    <message>
        <source>上次同步没有完成。记录都保存在本机，程序会自动重试；如果一直如此，请联系县级信息化人员。</source>
        <translation>ཐེངས་སྔོན་མའི་དུས་མཉམ་སྒྲིག་ལེགས་གྲུབ་མ་བྱུང་། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། མཉེན་ཆས་ཀྱིས་རང་འགུལ་གྱིས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད། རྟག་ཏུ་དེ་ལྟར་བྱུང་ན་རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>平台不再认可本机的登记（可能已被注销，或本机恢复过备份）。记录都保存在本机，但不会发送。请管理员向平台管理员索取新的登记码，在“设置”中重新登记。</source>
        <translation>སྟེགས་བུས་གློག་ཀླད་འདིའི་ཐོ་འགོད་ད་ནས་ངོས་ལེན་མི་བྱེད། (ཐོ་འགོད་མེད་པར་བཟོས་པའམ། གློག་ཀླད་འདིར་གྲབས་ཉར་སླར་གསོ་བྱས་ཡོད་སྲིད།) ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། འོན་ཀྱང་མི་བསྐུར། དོ་དམ་པས་སྟེགས་བུའི་དོ་དམ་པར་ཐོ་འགོད་ཨང་རྟགས་གསར་པ་ཞུས་ནས་“སྒྲིག་འགོད”ནང་བསྐྱར་དུ་ཐོ་འགོད་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>本机的日期或时间与平台相差太多，平台拒绝了请求。记录都保存在本机。请把电脑的日期和时间改正确，然后点“立即同步”。</source>
        <translation>གློག་ཀླད་འདིའི་ཚེས་གྲངས་སམ་དུས་ཚོད་སྟེགས་བུ་དང་ཁྱད་པར་ཆེ་དྲགས་པས། སྟེགས་བུས་བླང་བྱ་ཕྱིར་སློག་བྱས། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། གློག་ཀླད་ཀྱི་ཚེས་གྲངས་དང་དུས་ཚོད་ཡང་དག་པར་བཅོས་རྗེས་“འཕྲལ་མར་དུས་མཉམ་སྒྲིག”ལ་མནན་རོགས།</translation>
    </message>
    <message>
        <source>平台不接受这个版本的便民服务台。记录都保存在本机。请安装新版本后再同步。</source>
        <translation>སྟེགས་བུས་མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ་གྱི་པར་གཞི་འདི་ངོས་ལེན་མི་བྱེད། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། པར་གཞི་གསར་པ་སྒྲིག་འཇུག་བྱས་རྗེས་ཡང་བསྐྱར་དུས་མཉམ་སྒྲིག་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>无法确认平台的安全证书，没有发送任何记录。记录都保存在本机。请联系县级信息化人员检查平台地址和证书。</source>
        <translation>སྟེགས་བུའི་བདེ་འཇགས་དཔང་ཡིག་ར་སྤྲོད་བྱེད་ཐབས་མེད་པས། ཟིན་ཐོ་གང་ཡང་བསྐུར་མེད། ཟིན་ཐོ་ཚང་མ་གློག་ཀླད་འདིར་ཉར་ཡོད། རྫོང་རིམ་ཆ་འཕྲིན་ཅན་ལས་བྱེད་པར་འབྲེལ་བ་གནང་ནས་སྟེགས་བུའི་ས་གནས་དང་དཔང་ཡིག་ཞིབ་བཤེར་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>村（居）级</source>
        <translation>གྲོང་ཚོའི་རིམ་པ།</translation>
    </message>
    <message>
        <source>乡（镇）级</source>
        <translation>ཤང་གྲོང་རྡལ་གྱི་རིམ་པ།</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>རྫོང་གི་རིམ་པ།</translation>
    </message>
    <message>
        <source>本地办理</source>
        <translation>ས་གནས་འདིར་སྒྲུབ།</translation>
    </message>
    <message>
        <source>县内通办</source>
        <translation>རྫོང་ནང་གང་སར་སྒྲུབ་ཆོག</translation>
    </message>
    <message>
        <source>全区通办</source>
        <translation>ལྗོངས་ཡོངས་མཉམ་སྒྲུབ</translation>
    </message>
    <message>
        <source>跨省通办</source>
        <translation>ཞིང་ཆེན་བརྒལ་ནས་མཉམ་སྒྲུབ</translation>
    </message>
    <message>
        <source>事项编码</source>
        <translation>དོན་ཚན་ཨང་རྟགས།</translation>
    </message>
    <message>
        <source>事项类型</source>
        <translation>ལས་དོན་གྱི་རིགས།</translation>
    </message>
    <message>
        <source>办理类型</source>
        <translation>སྒྲུབ་པའི་རིགས།</translation>
    </message>
    <message>
        <source>办理层级</source>
        <translation>ལས་སྒྲུབ་རིམ་པ།</translation>
    </message>
    <message>
        <source>简介</source>
        <translation>ངོ་སྤྲོད།</translation>
    </message>
    <message>
        <source>包含的事项</source>
        <translation>ཚུད་པའི་ལས་དོན།</translation>
    </message>
    <message>
        <source>申请对象</source>
        <translation>རེ་ཞུ་འབུལ་ཆོག་མཁན།</translation>
    </message>
    <message>
        <source>申请条件</source>
        <translation>རེ་ཞུའི་ཆ་རྐྱེན།</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>སྒྲུབ་པའི་དུས་ཚད།</translation>
    </message>
    <message>
        <source>法定时限</source>
        <translation>ཁྲིམས་ལྡན་དུས་ཚད།</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>ཁས་ལེན་དུས་ཚད།</translation>
    </message>
    <message>
        <source>办理部门</source>
        <translation>སྒྲུབ་མཁན་ལས་ཁུངས།</translation>
    </message>
    <message>
        <source>受理地点</source>
        <translation>ངོས་ལེན་ས་ཆ།</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>རིན་སྡུད།</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>སྒྲུབ་འབྲས།</translation>
    </message>
    <message>
        <source>送达方式</source>
        <translation>སྐྱེལ་འབྱོར་སྟངས།</translation>
    </message>
    <message>
        <source>通办范围</source>
        <translation>ས་ཁུལ་བརྒལ་ནས་སྒྲུབ་ཆོག་པའི་ཁྱབ་ཁོངས།</translation>
    </message>
    <message>
        <source>咨询电话</source>
        <translation>འདྲི་རྩད་ཁ་པར།</translation>
    </message>
    <message>
        <source>设定依据</source>
        <translation>གཏན་འཁེལ་གཞི་རྩ།</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>མཆན།</translation>
    </message>
    <message>
        <source>所需材料</source>
        <translation>དགོས་པའི་ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>即办件：材料齐全当场办结</source>
        <translation>འཕྲལ་སྒྲུབ་ལས་དོན: ཡིག་ཆ་ཚང་ན་ས་ཐོག་ཏུ་སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>{n} 个工作日</source>
        <translation>ལས་ཉིན་ {n}</translation>
    </message>
    <message>
        <source>不收费</source>
        <translation>རིན་སྡུད་མི་བྱེད།</translation>
    </message>
    <message>
        <source>（依据：{basis}）</source>
        <translation>(གཞི་རྩ: {basis})</translation>
    </message>
    <message>
        <source>可以告知承诺方式办理</source>
        <translation>བརྡ་སྤྲོད་ཁས་ལེན་གྱི་སྟངས་ཀྱིས་སྒྲུབ་ཆོག</translation>
    </message>
    <message>
        <source>原件 {n} 份</source>
        <translation>མ་ཡིག་ཚན་ {n}</translation>
    </message>
    <message>
        <source>复印件 {n} 份</source>
        <translation>འདྲ་བཤུས་ཚན་ {n}</translation>
    </message>
    <message>
        <source>电子材料</source>
        <translation>གློག་རྡུལ་ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>必要</source>
        <translation>ངེས་མཁོ།</translation>
    </message>
    <message>
        <source>非必要</source>
        <translation>ངེས་མཁོ་མིན་པ།</translation>
    </message>
    <message>
        <source>可容缺</source>
        <translation>ཆད་ཆོག་རུང་བ།</translation>
    </message>
    <message>
        <source>可用电子证照：{name}</source>
        <translation>གློག་རྡུལ་ལག་ཁྱེར་སྤྱོད་ཆོག: {name}</translation>
    </message>
    <message>
        <source>用于：{names}</source>
        <translation>སྤྱོད་ཡུལ: {names}</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>账号(&amp;U)</source>
        <translation>ཐོ་ཨང་།(&amp;U)</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>གསང་ཨང་།(&amp;P)</translation>
    </message>
    <message>
        <source>柜台已锁定</source>
        <translation>ཞབས་ཞུ་སྒྲོམ་ལ་ཟྭ་བརྒྱབ་ཟིན།</translation>
    </message>
    <message>
        <source>为保护群众信息，柜台已锁定。请 {login} 输入密码解锁，或换其他操作员登录。</source>
        <translation>མང་ཚོགས་ཀྱི་ཆ་འཕྲིན་སྲུང་སྐྱོབ་ཆེད་ཞབས་ཞུ་སྒྲོམ་ལ་ཟྭ་བརྒྱབ་ཟིན། {login} ནས་གསང་ཨང་ནང་འཇུག་བྱས་ཏེ་ཟྭ་འབྱེད་པའམ། བཀོལ་སྤྱོད་པ་གཞན་ཞིག་གིས་ནང་འཛུལ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>ཟྭ་འབྱེད།</translation>
    </message>
    <message>
        <source>便民服务台</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ།</translation>
    </message>
    <message>
        <source>请输入操作员账号和密码登录</source>
        <translation>བཀོལ་སྤྱོད་པའི་ཐོ་ཨང་དང་གསང་ཨང་ནང་འཇུག་བྱས་ནས་ནང་འཛུལ་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>ནང་འཛུལ།</translation>
    </message>
    <message>
        <source>演示模式：这是一个演示服务站，所有群众信息均为虚构。演示账号 {login}，密码 {password}。</source>
        <translation>དཔེ་སྟོན་རྣམ་པ: འདི་ནི་དཔེ་སྟོན་ཞབས་ཞུ་ས་ཚིགས་ཤིག་ཡིན་ཞིང་། མང་ཚོགས་ཀྱི་ཆ་འཕྲིན་ཚང་མ་བཟོ་བཅོས་ཡིན། དཔེ་སྟོན་ཐོ་ཨང་ {login}། གསང་ཨང་ {password}།</translation>
    </message>
    <message>
        <source>请输入账号和密码。</source>
        <translation>ཐོ་ཨང་དང་གསང་ཨང་ནང་འཇུག་བྱེད་རོགས།</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>ར་སྤྲོད་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>账号或密码不对。</source>
        <translation>ཐོ་ཨང་ངམ་གསང་ཨང་ནོར་འདུག</translation>
    </message>
    <message>
        <source>再错 {n} 次将锁定 5 分钟。</source>
        <translation>ཡང་ཐེངས་ {n} ནོར་ན་སྐར་མ་ 5 རིང་ཟྭ་རྒྱག་རྒྱུ་ཡིན།</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>便民服务台</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ།</translation>
    </message>
    <message>
        <source>此电脑上还没有服务站（{home}）。
请由管理员运行 bianmin init 建立服务站；试用请运行 make run（演示服务站）。</source>
        <translation>གློག་ཀླད་འདིའི་ཐོག་ཞབས་ཞུ་ས་ཚིགས་མེད། ({home})
དོ་དམ་པས་ bianmin init བཀོལ་ནས་ཞབས་ཞུ་ས་ཚིགས་འཛུགས་རོགས། ཚོད་ལྟ་བྱེད་ན་ make run བཀོལ་རོགས། (དཔེ་སྟོན་ཞབས་ཞུ་ས་ཚིགས)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>便民服务台</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ།</translation>
    </message>
    <message>
        <source>工作台  Ctrl+1</source>
        <translation>ལས་སྟེགས།  Ctrl+1</translation>
    </message>
    <message>
        <source>受理  Ctrl+2</source>
        <translation>ངོས་ལེན།  Ctrl+2</translation>
    </message>
    <message>
        <source>办件查询  Ctrl+3</source>
        <translation>ལས་དོན་འཚོལ་ཞིབ།  Ctrl+3</translation>
    </message>
    <message>
        <source>事项指南  Ctrl+4</source>
        <translation>དོན་ཚན་ལམ་སྟོན།  Ctrl+4</translation>
    </message>
    <message>
        <source>操作员  Ctrl+5</source>
        <translation>བཀོལ་སྤྱོད་པ།  Ctrl+5</translation>
    </message>
    <message>
        <source>设置  Ctrl+6</source>
        <translation>སྒྲིག་འགོད།  Ctrl+6</translation>
    </message>
    <message>
        <source>统计报表  Ctrl+7</source>
        <translation>བསྡོམས་རྩིས།  Ctrl+7</translation>
    </message>
    <message>
        <source>切换界面语言</source>
        <translation>མཐུད་ངོས་སྐད་ཡིག་བརྗེ་བ།</translation>
    </message>
    <message>
        <source>锁定 Ctrl+L</source>
        <translation>ཟྭ་རྒྱག Ctrl+L</translation>
    </message>
    <message>
        <source>导入离线包… Ctrl+I</source>
        <translation>དྲ་མེད་ཐུམ་སྒྲིལ་ནང་འདྲེན… Ctrl+I</translation>
    </message>
    <message>
        <source>驻村工作队带回的离线包：校验后经本站转交平台（本站看不到其中内容）</source>
        <translation>གྲོང་སྡོད་ལས་དོན་རུ་ཁག་གིས་ཁྱེར་ཡོང་བའི་དྲ་མེད་ཐུམ་སྒྲིལ: ཞིབ་བཤེར་བྱས་རྗེས་ས་ཚིགས་འདི་བརྒྱུད་ནས་སྟེགས་བུར་བརྒྱུད་སྐྱེལ་བྱེད། (ས་ཚིགས་འདིས་དེའི་ནང་དོན་མཐོང་མི་ཐུབ།)</translation>
    </message>
    <message>
        <source>便民服务台 · {station} · {device}</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ། · {station} · {device}</translation>
    </message>
    <message>
        <source>{station} · 操作员 {name}（{login}）</source>
        <translation>{station} · བཀོལ་སྤྱོད་པ་ {name} ({login})</translation>
    </message>
    <message>
        <source>{station} · {device} · 操作员 {name}（{login}）</source>
        <translation>{station} · {device} · བཀོལ་སྤྱོད་པ་ {name} ({login})</translation>
    </message>
</context>
<context>
    <name>MaterialsStep</name>
    <message>
        <source>材料</source>
        <translation>ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>未选的全部已收(&amp;A)</source>
        <translation>མ་བདམས་པ་ཚང་མ་འབྱོར་ཟིན།(&amp;A)</translation>
    </message>
    <message>
        <source>请先选择事项</source>
        <translation>སྔོན་ལ་དོན་ཚན་འདེམས་རོགས།</translation>
    </message>
    <message>
        <source>必要</source>
        <translation>ངེས་མཁོ།</translation>
    </message>
    <message>
        <source>非必要</source>
        <translation>ངེས་མཁོ་མིན་པ།</translation>
    </message>
    <message>
        <source>可容缺</source>
        <translation>ཆད་ཆོག་རུང་བ།</translation>
    </message>
    <message>
        <source>原件 {n}</source>
        <translation>མ་ཡིག་ {n}</translation>
    </message>
    <message>
        <source>复印件 {n}</source>
        <translation>འདྲ་བཤུས་ {n}</translation>
    </message>
    <message>
        <source>本材料没有可替代的电子证照</source>
        <translation>ཡིག་ཆ་འདིའི་ཚབ་བྱེད་ཆོག་པའི་གློག་རྡུལ་ལག་ཁྱེར་མེད།</translation>
    </message>
    <message>
        <source>本材料不可容缺</source>
        <translation>ཡིག་ཆ་འདི་ཕྱིས་སྤྲོད་བྱེད་མི་ཆོག</translation>
    </message>
    <message>
        <source>本事项不适用告知承诺</source>
        <translation>ལས་དོན་འདིར་བརྡ་ཁྱབ་ཁས་ལེན་སྤྱོད་མི་ཆོག</translation>
    </message>
    <message>
        <source>必要材料不能选“无此情形”</source>
        <translation>ངེས་མཁོའི་ཡིག་ཆར་&quot;གནས་སྟངས་འདི་མེད&quot; འདེམས་མི་ཆོག</translation>
    </message>
    <message>
        <source>未选</source>
        <translation>གདམ་མེད།</translation>
    </message>
    <message>
        <source>{state}&#x3000;{key}</source>
        <translation>{state}&#x3000;{key}</translation>
    </message>
    <message>
        <source>尚未选择：提交时按缺少处理</source>
        <translation>ད་དུང་གདམ་མེད། ཕུལ་སྐབས་ཆད་པར་བརྩི།</translation>
    </message>
    <message>
        <source>尚未选择：非必要材料按“无此情形”处理，不列入告知书</source>
        <translation>ད་དུང་གདམ་མེད། ངེས་མཁོ་མིན་པའི་ཡིག་ཆ་&quot;གནས་སྟངས་འདི་མེད&quot; ལྟར་བརྩི་ཞིང་བརྡ་སྤྲོད་ཡི་གེར་མི་འགོད།</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>ཚན་གྲངས།</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>འདེམས་རོགས།</translation>
    </message>
    <message>
        <source>{grade} 级</source>
        <translation>རིམ་པ་ {grade}</translation>
    </message>
    <message>
        <source>可信等级</source>
        <translation>ཡིད་རྟོན་རིམ་པ།</translation>
    </message>
    <message>
        <source>补交期限</source>
        <translation>ཕྱིས་སྤྲོད་དུས་བཀག</translation>
    </message>
    <message>
        <source>缺什么、要补正什么（写入一次性告知书）</source>
        <translation>ཅི་ཞིག་ཆད་པ་དང་ཁ་སྐོང་ཞུ་དག་ཅི་བྱེད་དགོས། (ཐེངས་གཅིག་བརྡ་སྤྲོད་ཡི་གེར་འབྲི།)</translation>
    </message>
    <message>
        <source>以申请人书面承诺代替</source>
        <translation>རེ་ཞུ་བའི་ཡིག་ཐོག་ཁས་ལེན་གྱིས་ཚབ་བྱེད།</translation>
    </message>
    <message>
        <source>申请人无此情形，不需要这份材料</source>
        <translation>རེ་ཞུ་བར་གནས་སྟངས་འདི་མེད་པས་ཡིག་ཆ་འདི་མི་དགོས།</translation>
    </message>
    <message>
        <source>扫描件（{n}）…</source>
        <translation>བཤེར་པར་ ({n})…</translation>
    </message>
    <message>
        <source>扫描件…</source>
        <translation>བཤེར་པར…</translation>
    </message>
    <message>
        <source>逐项登记收到的材料：Tab 逐项移动，↑↓ 或字母键改状态（{keys}）；Alt+A 未选的全部已收，Ctrl+Z 撤销；Ctrl+O 为当前材料添加扫描件（提交后存入办件）。缺少的材料可写明缺什么，用于一次性告知书。</source>
        <translation>འབྱོར་བའི་ཡིག་ཆ་རེ་རེ་བཞིན་ཐོ་འགོད་གནང་། Tab ཡིས་རིམ་བཞིན་སྤོ། ↑↓ ཡང་ན་ཡི་གེའི་མཐེབ་ཀྱིས་གནས་སྟངས་བསྒྱུར།  ({keys}) Alt+A གདམ་མེད་ཚང་མ་འབྱོར་ཟིན་དུ་བཀོད། Ctrl+Z ཕྱིར་ལྡོག Ctrl+O ཡིས་ཡིག་ཆ་འདིའི་བཤེར་ཡིག་སྣོན།  (ཕུལ་རྗེས་ལས་དོན་ནང་ཉར།) ཆད་པའི་ཡིག་ཆར་ཅི་ཞིག་ཆད་མིན་འབྲི་ཆོག ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་ཡི་གེར་སྤྱོད།</translation>
    </message>
    <message>
        <source>只填未选的材料，已标为缺少等的不变；Ctrl+Z 撤销</source>
        <translation>གདམ་མེད་ཀྱི་ཡིག་ཆ་ཁོ་ན་འགེངས། ཆད་པ་སོགས་སུ་བཀོད་ཟིན་པ་མི་འགྱུར། Ctrl+Z ཕྱིར་ལྡོག</translation>
    </message>
    <message>
        <source>共 {n} 项：未选 {untouched}，已收 {received}，电子证照 {licence}，容缺 {deferred}，缺少 {missing}，承诺代替 {committed}，无此情形 {none}；必要材料缺少 {required}（未选的必要材料按缺少，非必要材料按无此情形）</source>
        <translation>ཁྱོན་ {n}: མ་གདམ་ {untouched}, འབྱོར་ཟིན་ {received}, གློག་རྡུལ་ལག་ཁྱེར་ {licence}, ཆད་ཆོག་ {deferred}, ཆད་པ་ {missing}, ཁས་ལེན་གྱིས་ཚབ་ {committed}, གནས་སྟངས་འདི་མེད་ {none}; ངེས་མཁོའི་ཡིག་ཆ་ཆད་པ་ {required} (མ་གདམ་པའི་ངེས་མཁོའི་ཡིག་ཆ་ཆད་པར་བརྩི། ངེས་མཁོ་མིན་པ་གནས་སྟངས་འདི་མེད་དུ་བརྩི།)</translation>
    </message>
    <message>
        <source>未选的全部已收</source>
        <translation>གདམ་མེད་ཚང་མ་འབྱོར་ཟིན།</translation>
    </message>
    <message>
        <source>选择“{name}”的扫描件</source>
        <translation>བཤེར་པར་འདེམས: “{name}”</translation>
    </message>
    <message>
        <source>扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>བཤེར་པར (*.jpg *.jpeg *.png *.pdf);;ཡིག་ཆ་ཡོངས (*)</translation>
    </message>
    <message>
        <source>未选（按缺少）</source>
        <translation>གདམ་མེད།  (ཆད་པར་བརྩི།)</translation>
    </message>
    <message>
        <source>（{due} 前补交）</source>
        <translation>({due} སྔོན་ལ་ཕྱིས་སྤྲོད)</translation>
    </message>
    <message>
        <source>，扫描件 {n} 份</source>
        <translation>། བཤེར་པར་ {n}</translation>
    </message>
</context>
<context>
    <name>MonthlyPrint</name>
    <message>
        <source>月度统计表只有 A4 纸一种</source>
        <translation>ཟླ་རེའི་བསྡོམས་རྩིས་རེའུ་མིག་ལ་ A4 ཤོག་བུ་ཁོ་ན་ཡོད།</translation>
    </message>
    <message>
        <source>月度统计表-{period}.pdf</source>
        <translation>ཟླ་རེའི་བསྡོམས་རྩིས་རེའུ་མིག-{period}.pdf</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>操作员</source>
        <translation>བཀོལ་སྤྱོད་པ།</translation>
    </message>
    <message>
        <source>只有管理员可以管理操作员。如需添加账号、解锁或重置密码，请联系本服务站的管理员。</source>
        <translation>དོ་དམ་པ་ཁོ་ནས་བཀོལ་སྤྱོད་པ་དོ་དམ་བྱེད་ཆོག ཐོ་ཨང་ཁ་སྣོན་དང་། ཟྭ་འབྱེད། གསང་ཨང་བསྐྱར་སྒྲིག་བཅས་དགོས་ན། ཞབས་ཞུ་ས་ཚིགས་འདིའི་དོ་དམ་པར་འབྲེལ་བ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>ཐོ་ཨང་།</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>མིང་།</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>འགན་གནས།</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>གནས་སྟངས།</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>ཟྭ་རྒྱག</translation>
    </message>
    <message>
        <source>添加操作员(&amp;A)…</source>
        <translation>བཀོལ་སྤྱོད་པ་ཁ་སྣོན།(&amp;A)…</translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation>བེད་སྤྱོད་མཚམས་འཇོག(&amp;D)</translation>
    </message>
    <message>
        <source>解锁(&amp;U)</source>
        <translation>ཟྭ་འབྱེད།(&amp;U)</translation>
    </message>
    <message>
        <source>重置密码(&amp;R)…</source>
        <translation>གསང་ཨང་བསྐྱར་སྒྲིག(&amp;R)…</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>བེད་སྤྱོད་བཞིན་པ།</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>བེད་སྤྱོད་མཚམས་བཞག་ཟིན།</translation>
    </message>
    <message>
        <source>已锁定（至 {time}）</source>
        <translation>ཟྭ་བརྒྱབ་ཟིན། ({time} བར།)</translation>
    </message>
    <message>
        <source>密码输错 {n} 次</source>
        <translation>གསང་ཨང་ཐེངས་ {n} ནོར།</translation>
    </message>
    <message>
        <source>未锁定</source>
        <translation>ཟྭ་རྒྱག་མེད།</translation>
    </message>
    <message>
        <source>已添加操作员 {login}（{role}）。</source>
        <translation>བཀོལ་སྤྱོད་པ་ {login} ({role}) ཁ་སྣོན་བྱས་ཟིན།</translation>
    </message>
    <message>
        <source>请确认</source>
        <translation>གཏན་འཁེལ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>停用操作员 {login}？停用后该账号不能再登录，其办理过的办件记录保留。</source>
        <translation>བཀོལ་སྤྱོད་པ་ {login} བེད་སྤྱོད་མཚམས་འཇོག་གམ། མཚམས་བཞག་རྗེས་ཐོ་ཨང་དེས་ནང་འཛུལ་བྱེད་མི་ཐུབ། ཁོང་གིས་སྒྲུབ་པའི་ལས་དོན་གྱི་ཟིན་ཐོ་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <source>已停用操作员 {login}。</source>
        <translation>བཀོལ་སྤྱོད་པ་ {login} བེད་སྤྱོད་མཚམས་བཞག་ཟིན།</translation>
    </message>
    <message>
        <source>已解锁操作员 {login}。</source>
        <translation>བཀོལ་སྤྱོད་པ་ {login} ཟྭ་ཕྱེ་ཟིན།</translation>
    </message>
    <message>
        <source>已为 {login} 设置新密码。</source>
        <translation>{login} ལ་གསང་ཨང་གསར་པ་སྒྲིག་ཟིན།</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>密码(&amp;W)</source>
        <translation>གསང་ཨང་།(&amp;W)</translation>
    </message>
    <message>
        <source>再输一次(&amp;G)</source>
        <translation>ཡང་བསྐྱར་ནང་འཇུག(&amp;G)</translation>
    </message>
    <message>
        <source>至少 8 个字符</source>
        <translation>ཉུང་མཐར་ཡིག་རྟགས་ 8</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>ཐེངས་གཉིས་ནང་འཇུག་བྱས་པའི་གསང་ཨང་མི་མཐུན། བསྐྱར་དུ་ནང་འཇུག་བྱེད་རོགས།</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览</source>
        <translation>པར་འདེབས་སྔོན་ལྟ།</translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation>མ་ལག་གི་སྔོན་སྒྲིག་པར་ཆས།</translation>
    </message>
    <message>
        <source>（本机没有打印机）</source>
        <translation>(གློག་ཀླད་འདིར་པར་ཆས་མེད།)</translation>
    </message>
    <message>
        <source>打印(&amp;P)</source>
        <translation>པར་འདེབས།(&amp;P)</translation>
    </message>
    <message>
        <source>保存为 PDF(&amp;S)…</source>
        <translation>PDF ལ་ཉར་ཚགས།(&amp;S)…</translation>
    </message>
    <message>
        <source>把这份文书存成 PDF 文件，放到您选择的位置（例如 U 盘）</source>
        <translation>ཡིག་ཆ་འདི་ PDF ཡིག་ཆར་ཉར་ནས་ཁྱེད་ཀྱིས་བདམས་པའི་ས་ཆར་འཇོག (དཔེར་ན་ U སྡེར།)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>སྒོ་རྒྱག</translation>
    </message>
    <message>
        <source>打印机(&amp;R)：</source>
        <translation>པར་ཆས།(&amp;R):</translation>
    </message>
    <message>
        <source>纸张(&amp;Z)：</source>
        <translation>ཤོག་བུ།(&amp;Z):</translation>
    </message>
    <message>
        <source>本机没有设置打印机，不能直接打印。可以“保存为 PDF”，把文件拿到有打印机的电脑上打印。</source>
        <translation>གློག་ཀླད་འདིར་པར་ཆས་སྒྲིག་འགོད་བྱས་མེད་པས་ཐད་ཀར་པར་འདེབས་བྱེད་མི་ཐུབ། “PDF ལ་ཉར་ཚགས” བྱས་ནས་ཡིག་ཆ་པར་ཆས་ཡོད་པའི་གློག་ཀླད་ཐོག་པར་འདེབས་བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>上次使用的打印机“{name}”现在找不到，已改用系统默认打印机。可以另选一台，或“保存为 PDF”。</source>
        <translation>ཐེངས་སྔོན་མར་བཀོལ་བའི་པར་ཆས་“{name}” ད་ལྟ་རྙེད་མ་སོང་བས། མ་ལག་གི་སྔོན་སྒྲིག་པར་ཆས་ལ་བརྗེས་ཟིན། པར་ཆས་གཞན་ཞིག་འདེམས་པའམ། “PDF ལ་ཉར་ཚགས” བྱེད་ཆོག</translation>
    </message>
    <message>
        <source>打印失败：本机没有设置打印机。请点“保存为 PDF”把文件存下来（例如存到 U 盘，拿到有打印机的电脑上打印），或请管理员在系统中添加打印机。</source>
        <translation>པར་འདེབས་ཕམ་སོང་། གློག་ཀླད་འདིར་པར་ཆས་སྒྲིག་འགོད་བྱས་མེད། “PDF ལ་ཉར་ཚགས” ལ་མནན་ནས་ཡིག་ཆ་ཉར་རོགས། (དཔེར་ན་ U སྡེར་དུ་ཉར་ནས་པར་ཆས་ཡོད་པའི་གློག་ཀླད་ཐོག་པར་འདེབས་བྱེད།) ཡང་ན་དོ་དམ་པས་མ་ལག་ནང་པར་ཆས་སྣོན་རོགས།</translation>
    </message>
    <message>
        <source>打印失败：找不到打印机“{name}”（可能已被删除、改名或没有连接）。请在“打印机”中另选一台，或点“保存为 PDF”。</source>
        <translation>པར་འདེབས་ཕམ་སོང་། པར་ཆས་“{name}” རྙེད་མ་སོང་། (བསུབས་པའམ་མིང་བསྒྱུར་བ། ཡང་ན་འབྲེལ་མཐུད་མེད་པ་ཡིན་སྲིད།) “པར་ཆས” ནང་གཞན་ཞིག་འདེམས་པའམ། “PDF ལ་ཉར་ཚགས” ལ་མནན་རོགས།</translation>
    </message>
    <message>
        <source>打印失败：这台电脑没有设定默认打印机。请在“打印机”中选一台，或点“保存为 PDF”。</source>
        <translation>པར་འདེབས་ཕམ་སོང་། གློག་ཀླད་འདིར་སྔོན་སྒྲིག་པར་ཆས་གཏན་འཁེལ་བྱས་མེད། “པར་ཆས” ནང་གཅིག་འདེམས་པའམ། “PDF ལ་ཉར་ཚགས” ལ་མནན་རོགས།</translation>
    </message>
    <message>
        <source>保存为 PDF</source>
        <translation>PDF ལ་ཉར་ཚགས།</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF ཡིག་ཆ (*.pdf)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>ཉར་ཚགས་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>已保存为 PDF：{path}</source>
        <translation>PDF ལ་ཉར་ཚགས་བྱས་ཟིན: {path}</translation>
    </message>
    <message>
        <source>打印机没有响应。请检查打印机是否开机、联机，或换一台打印机后重试。</source>
        <translation>པར་ཆས་ནས་ལན་མི་འདུག པར་ཆས་ཁ་ཕྱེ་ཡོད་མེད་དང་འབྲེལ་མཐུད་ཡོད་མེད་ཞིབ་བཤེར་བྱེད་པའམ། པར་ཆས་གཞན་ཞིག་ལ་བརྗེས་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་རོགས།</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>不能为空</source>
        <translation>སྟོང་པ་ཡིན་མི་ཆོག</translation>
    </message>
    <message>
        <source>位数不对</source>
        <translation>ཨང་ཀིའི་གྲངས་ནོར་འདུག</translation>
    </message>
    <message>
        <source>含有不允许的字符</source>
        <translation>མི་ཆོག་པའི་ཡིག་རྟགས་འདུག</translation>
    </message>
    <message>
        <source>校验位不对（可能有数字录错）</source>
        <translation>བརྟག་ཞིབ་ཨང་ཀི་ནོར་འདུག (ཨང་ཀི་ནོར་འཁྲུལ་ཡོད་སྲིད།)</translation>
    </message>
    <message>
        <source>出生日期无效</source>
        <translation>སྐྱེས་ཚེས་ནུས་མེད།</translation>
    </message>
    <message>
        <source>出生日期晚于今天</source>
        <translation>སྐྱེས་ཚེས་དེ་རིང་ལས་ཕྱི་འདུག</translation>
    </message>
    <message>
        <source>地区码无效</source>
        <translation>ས་ཁུལ་ཨང་རྟགས་ནུས་མེད།</translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation>རྣམ་གཞག་ནོར་འདུག</translation>
    </message>
    <message>
        <source>未知的取值</source>
        <translation>ངོས་མི་ཟིན་པའི་གྲངས་ཐང་།</translation>
    </message>
    <message>
        <source>代办必须登记代办人</source>
        <translation>ཚབ་སྒྲུབ་ལ་ཚབ་སྒྲུབ་པ་ངེས་པར་ཐོ་འགོད་བྱེད་དགོས།</translation>
    </message>
    <message>
        <source>授权已过期</source>
        <translation>དབང་སྤྲོད་དུས་ཡོལ་ཟིན།</translation>
    </message>
    <message>
        <source>不在该事项的材料清单中</source>
        <translation>དོན་ཚན་འདིའི་ཡིག་ཆའི་ཐོ་གཞུང་ནང་མེད།</translation>
    </message>
    <message>
        <source>收到的份数至少为 1</source>
        <translation>འབྱོར་བའི་ཚན་གྲངས་ཉུང་མཐར་ 1 དགོས།</translation>
    </message>
    <message>
        <source>该材料没有可替代的电子证照</source>
        <translation>ཡིག་ཆ་འདིའི་ཚབ་བྱེད་ཆོག་པའི་གློག་རྡུལ་ལག་ཁྱེར་མེད།</translation>
    </message>
    <message>
        <source>请选择电子证照的可信等级（A–D）</source>
        <translation>གློག་རྡུལ་ལག་ཁྱེར་གྱི་ཡིད་རྟོན་རིམ་པ་འདེམས་རོགས། (A–D)</translation>
    </message>
    <message>
        <source>该材料不可容缺</source>
        <translation>ཡིག་ཆ་འདི་ཆད་ཆོག་མི་རུང་།</translation>
    </message>
    <message>
        <source>群众同意后才能记下姓名和电话</source>
        <translation>མང་ཚོགས་ཀྱིས་མོས་མཐུན་བྱས་རྗེས་ཁོ་ན་མིང་དང་ཁ་པར་འགོད་ཆོག</translation>
    </message>
    <message>
        <source>必要材料不能选“无此情形”</source>
        <translation>ངེས་མཁོའི་ཡིག་ཆར་&quot;གནས་སྟངས་འདི་མེད&quot; འདེམས་མི་ཆོག</translation>
    </message>
    <message>
        <source>容缺材料须有补交期限</source>
        <translation>ཆད་ཆོག་ཡིག་ཆར་ཕྱིས་སྤྲོད་དུས་བཀག་ངེས་པར་དགོས།</translation>
    </message>
    <message>
        <source>补交期限须晚于今天</source>
        <translation>ཕྱིས་སྤྲོད་དུས་བཀག་དེ་རིང་ལས་ཕྱི་བ་དགོས།</translation>
    </message>
    <message>
        <source>邮寄送达须填写地址</source>
        <translation>སྦྲག་སྐུར་སྐྱེལ་འབྱོར་ལ་ས་གནས་འབྲི་དགོས།</translation>
    </message>
    <message>
        <source>办理地不能与受理地相同</source>
        <translation>སྒྲུབ་ས་དང་ངོས་ལེན་ས་གཅིག་པ་ཡིན་མི་ཆོག</translation>
    </message>
    <message>
        <source>该事项不受理此类申请人</source>
        <translation>དོན་ཚན་འདིས་རེ་ཞུ་བ་རིགས་འདི་ངོས་ལེན་མི་བྱེད།</translation>
    </message>
    <message>
        <source>该事项不提供此送达方式</source>
        <translation>དོན་ཚན་འདིར་སྐྱེལ་འབྱོར་སྟངས་འདི་མི་འདུག</translation>
    </message>
    <message>
        <source>已存在</source>
        <translation>ཡོད་ཟིན།</translation>
    </message>
    <message>
        <source>不能停用最后一名管理员</source>
        <translation>དོ་དམ་པ་མཐའ་མ་བེད་སྤྱོད་མཚམས་འཇོག་མི་ཆོག</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>ཡིག་ཆ་མི་འདུག</translation>
    </message>
    <message>
        <source>不是有效的 JSON</source>
        <translation>ནུས་ལྡན་གྱི་ JSON མིན།</translation>
    </message>
    <message>
        <source>不是 UTF-8 编码</source>
        <translation>UTF-8 ཨང་སྒྲིག་མིན།</translation>
    </message>
    <message>
        <source>文件过大</source>
        <translation>ཡིག་ཆ་ཆེ་དྲགས།</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>ངེས་པར་འབྲི་དགོས།</translation>
    </message>
    <message>
        <source>超出允许范围</source>
        <translation>ཆོག་པའི་ཁྱབ་ཁོངས་ལས་བརྒལ།</translation>
    </message>
    <message>
        <source>含有控制字符或看不见的文字方向符，不能保存。请删除后重新输入，不要从其他文件粘贴</source>
        <translation>ཚོད་འཛིན་ཡིག་རྟགས་སམ་མིག་གིས་མི་མཐོང་བའི་ཡི་གེའི་ཁ་ཕྱོགས་རྟགས་ཚུད་ཡོད་པས་ཉར་མི་ཐུབ། དེ་དག་བསུབས་རྗེས་ཡང་བསྐྱར་འཇུག་རོགས། ཡིག་ཆ་གཞན་ནས་སྦྱར་མི་རུང་།</translation>
    </message>
    <message>
        <source>不是有效的电话号码：手机号为 11 位，固定电话须带区号，境外号码以“+国家代码”开头</source>
        <translation>ནུས་ལྡན་གྱི་ཁ་པར་ཨང་གྲངས་མིན། ལག་ཁྱེར་ཁ་པར་ལ་ཨང་གྲངས་ 11 ཡོད་དགོས། སྒྲིག་བཀོད་ཁ་པར་ལ་ས་ཁོངས་ཨང་རྟགས་ཡོད་དགོས། རྒྱལ་ཕྱིའི་ཨང་གྲངས་“+རྒྱལ་ཁབ་ཨང་རྟགས་”ནས་འགོ་འཛུགས་དགོས།</translation>
    </message>
    <message>
        <source>期限太远，不能超过一年</source>
        <translation>དུས་བཀག་ཧ་ཅང་རིང་དྲགས། ལོ་གཅིག་ལས་བརྒལ་མི་ཆོག</translation>
    </message>
    <message>
        <source>太长：{length} 个字符，最多 {limit} 个</source>
        <translation>རིང་དྲགས། ཡིག་འབྲུ་ {length} ཡོད། མང་ཤོས་ {limit} ལས་བརྒལ་མི་ཆོག</translation>
    </message>
    <message>
        <source>太多：{length} 个，最多 {limit} 个</source>
        <translation>མང་དྲགས། {length} ཡོད། མང་ཤོས་ {limit} ལས་བརྒལ་མི་ཆོག</translation>
    </message>
    <message>
        <source>嵌套层数过多（超过 {limit} 层），不是事项清单</source>
        <translation>ནང་སྦྲེལ་གྱི་རིམ་པ་མང་དྲགས (རིམ་པ་ {limit} ལས་བརྒལ)། དོན་ཚན་ཐོ་གཞུང་མིན།</translation>
    </message>
    <message>
        <source>含有控制字符（看不见的字符，常由复制粘贴带入），请在文件中删除</source>
        <translation>ཚོད་འཛིན་ཡིག་རྟགས་ཚུད་ཡོད (མིག་གིས་མི་མཐོང་བའི་ཡིག་རྟགས་ཡིན་ཞིང་། རྒྱུན་དུ་འདྲ་བཤུས་དང་སྦྱར་བ་བྱེད་སྐབས་ཚུད)། ཡིག་ཆའི་ནང་ནས་བསུབ་རོགས།</translation>
    </message>
    <message>
        <source>含有改变文字方向的控制符（会使显示的文字与实际内容不符），请在文件中删除</source>
        <translation>ཡི་གེའི་ཁ་ཕྱོགས་སྒྱུར་བའི་ཚོད་འཛིན་རྟགས་ཚུད་ཡོད (མངོན་པའི་ཡི་གེ་དང་དངོས་ཡོད་ནང་དོན་མི་མཐུན་པ་བཟོ་སྲིད)། ཡིག་ཆའི་ནང་ནས་བསུབ་རོགས།</translation>
    </message>
    <message>
        <source>设备编号须为两位数字（00 到 99），例如 01；同一服务站的每台电脑用不同的编号</source>
        <translation>སྒྲིག་ཆས་ཨང་རྟགས་ནི་གྲངས་ཀ་གཉིས (00 ནས་ 99 བར) ཡིན་དགོས། དཔེར་ན་ 01། ཞབས་ཞུ་ས་ཚིགས་གཅིག་གི་གློག་ཀླད་རེ་རེར་ཨང་རྟགས་མི་འདྲ་བ་སྤྱོད་དགོས།</translation>
    </message>
    <message>
        <source>该办件没有待处理的冲突（可能已由其他窗口处理）</source>
        <translation>ལས་དོན་འདི་ལ་ཐག་གཅོད་བྱ་རྒྱུའི་འགལ་ཟླ་མེད། (སྒེའུ་ཁུང་གཞན་ཞིག་གིས་ཐག་བཅད་ཟིན་སྲིད།)</translation>
    </message>
    <message>
        <source>所选操作不是该办件冲突中的一项</source>
        <translation>བདམས་པའི་བྱ་སྤྱོད་དེ་ལས་དོན་འདིའི་འགལ་ཟླའི་ནང་གི་གཅིག་མིན།</translation>
    </message>
    <message>
        <source>含有无效的 Unicode 字符（孤立的代理码位），文件的编码有误，请从原始资料重新导出</source>
        <translation>ནུས་མེད་ཀྱི་ Unicode ཡིག་རྟགས་ཚུད་ཡོད (གཅིག་པུར་གནས་པའི་ཚབ་བྱེད་ཨང་གནས)། ཡིག་ཆའི་ཨང་སྒྲིག་ནོར་འདུག ཐོག་མའི་ཡིག་ཆ་ནས་བསྐྱར་དུ་ཕྱིར་འདོན་བྱེད་རོགས།</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>སྡུད་སྡེར།</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>ཡིག་ཁུག</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>མྱུར་ལམ།</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>ངོས་མ་ཟིན།</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>ཚང་མ་འདེམས།(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>ཡར་སྒྲིལ།(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>མར་སྒྲིལ།(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>གཏན་འཁེལ།</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>འཚོལ་ས(&amp;L):</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ཡིག་ཆའི་མིང་(&amp;N):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ཡིག་ཆའི་རིགས(&amp;T):</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ཡིག་ཁུག:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>ཁ་ཕྱེ།(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>ཉར་ཚགས།(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>འདེམས།(&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>ཁ་ཕྱེ།</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>གཞན་དུ་ཉར།</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ཡིག་ཁུག་འཚོལ།</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ཡིག་ཆ་ཚང་མ། (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ཡིག་ཆ་ཚང་མ། (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ཡིག་ཁུག</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ཡིག་ཆ།</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ཕྱིར་ལོག</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>མདུན་སྐྱོད།</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ཕྱིར་ལོག</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>མདུན་དུ་སྐྱོད།</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ཡིག་ཁུག་གོང་མ།</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ཡིག་ཁུག་གོང་མར་འགྲོ།</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>ཡིག་ཁུག་གསར་པ་བཟོ།</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>ཡིག་ཁུག་གསར་པ་ཞིག་བཟོ།</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>ཡིག་ཁུག་གསར་པ།</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ཡིག་ཁུག་གསར་པ།(&amp;N)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>ཐོ་གཞུང་གི་མཐོང་སྣང་།</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>ཞིབ་ཕྲའི་མཐོང་སྣང་།</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>ཐོ་གཞུང་གི་མཐོང་སྣང་དུ་བསྒྱུར།</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>ཞིབ་ཕྲའི་མཐོང་སྣང་དུ་བསྒྱུར།</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>ཟུར་སྒྲོམ།</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>གནས་ས་དང་དེབ་རྟགས་ཀྱི་ཐོ།</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>ཉེ་ཆར་གྱི་གནས་ས།</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>ངའི་གློག་ཀླད།</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>སྟོན། </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>སྦས་པའི་ཡིག་ཆ་སྟོན།(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>མིང་བསྒྱུར།(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>བསུབ།(&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>བསུབ།</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ཕྱིར་འདོན།</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ཡོད་ཟིན།
དེ་ཚབ་བརྗེ་བྱེད་དམ།</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
ཡིག་ཆ་རྙེད་མ་སོང་།
ཡིག་ཆའི་མིང་ཡང་དག་ཡིན་མིན་ཞིབ་བཤེར་གནང་རོགས།</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
ཡིག་ཁུག་རྙེད་མ་སོང་།
ཡིག་ཁུག་གི་མིང་ཡང་དག་ཡིན་མིན་ཞིབ་བཤེར་གནང་རོགས།</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>&apos;%1&apos; བསུབ་རྒྱུ་གཏན་འཁེལ་ལམ།</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; ལ་འབྲི་འགོག་ཡོད།
དེ་ལྟར་ཡང་བསུབ་བམ།</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>ཡིག་ཁུག་བསུབ་མ་ཐུབ།</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>མིང་།</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>རིགས།</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>རིགས།</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>བཟོ་བཅོས་ཚེས་གྲངས།</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>གློག་ཀླད།</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>ངའི་གློག་ཀླད།</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>ཡིག་ཆའི་མིང་ནུས་མེད།</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;མིང་ &quot;%1&quot; བེད་སྤྱོད་བྱེད་མི་ཐུབ།&lt;/b&gt;&lt;p&gt;ཡིག་འབྲུ་ཉུང་བའམ་ཚེག་ཤད་མེད་པའི་མིང་གཞན་ཞིག་བེད་སྤྱོད་གནང་རོགས།</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>གཏན་འཁེལ།(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>མེད་པར་བཟོ།(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>ཉར་ཚགས།(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>སྒོ་རྒྱག(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>མ་ཉར་བར་སྒོ་རྒྱག</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>ཕྱིར་འཐེན།(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>བསྐྱར་བཟོ།(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>གཅོད།(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>འདྲ་བཤུས།(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>སྦྱར།(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>བསུབ།</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ཚང་མ་འདེམས།</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>ཞིབ་ཕྲ་སྟོན།...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>ཞིབ་ཕྲ་སྦས།...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>གཏན་འཁེལ།</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>མེད་པར་བཟོ།</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ཡིན།(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>མིན།(&amp;N)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ཚང་མ་ཡིན།(&amp;A)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ཚང་མ་མིན།(&amp;O)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ཉར་ཚགས།</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>ཚང་མ་ཉར་ཚགས།</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>ཁ་ཕྱེ།</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>སྒོ་རྒྱག</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>བློས་གཏོང་།</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>ལག་བསྟར།</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>བསྐྱར་སྒྲིག</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>སྔོན་སྒྲིག་སླར་གསོ།</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>རོགས་རམ།</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>བར་གཅོད།</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ཡང་བསྐྱར་ཚོད་ལྟ།</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>སྣང་མེད།</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>ཕྱིར་འཐེན།(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>བསྐྱར་བཟོ།(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>གཅོད།(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>འདྲ་བཤུས།(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>སྦྱར།(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>བསུབ།</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ཚང་མ་འདེམས།</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>སྦྲེལ་ཐག་གི་གནས་ས་འདྲ་བཤུས།(&amp;L)</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>平台拒收的记录</source>
        <translation>སྟེགས་བུས་ཕྱིར་སློག་བྱས་པའི་ཟིན་ཐོ།</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>གོ་རིམ།</translation>
    </message>
    <message>
        <source>办件</source>
        <translation>ལས་དོན།</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>ཟིན་ཐོ།</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>རྒྱུ་མཚན།</translation>
    </message>
    <message>
        <source>重新发送(&amp;R)</source>
        <translation>བསྐྱར་དུ་བསྐུར།(&amp;R)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>སྒོ་རྒྱག</translation>
    </message>
    <message>
        <source>以下记录被平台拒收，其他记录照常同步。查明原因后可重新发送。</source>
        <translation>གཤམ་གྱི་ཟིན་ཐོ་སྟེགས་བུས་ཕྱིར་སློག་བྱས། ཟིན་ཐོ་གཞན་རྒྱུན་ལྟར་དུས་མཉམ་སྒྲིག་བྱེད། རྒྱུ་མཚན་གསལ་རྗེས་བསྐྱར་དུ་བསྐུར་ཆོག</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <source>差评整改</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག</translation>
    </message>
    <message>
        <source>申请人对此办件给了差评。记录针对差评原因所做的整改，整改后再回访申请人。整改记录会上报平台。</source>
        <translation>རེ་ཞུ་བས་ལས་དོན་འདིར་དཔྱད་བརྗོད་ངན་པ་བྱས་ཡོད། དཔྱད་བརྗོད་ངན་པའི་རྒྱུ་མཚན་ལ་དམིགས་ནས་བྱས་པའི་བཅོས་སྒྲིག་ཐོ་འགོད་བྱེད་པ་དང་། བཅོས་སྒྲིག་རྗེས་རེ་ཞུ་བར་བསྐྱར་འདྲི་བྱེད། བཅོས་སྒྲིག་གི་ཟིན་ཐོ་སྟེགས་བུར་སྙན་ཞུ་བྱེད།</translation>
    </message>
    <message>
        <source>整改情况(&amp;N)：</source>
        <translation>བཅོས་སྒྲིག་གི་གནས་ཚུལ(&amp;N):</translation>
    </message>
    <message>
        <source>例如：已对窗口人员进行业务培训，缩短等候时间</source>
        <translation>དཔེར་ན། སྒེའུ་ཁུང་ལས་བྱེད་པར་ལས་རིགས་སྦྱོང་བརྡར་བྱས་ཏེ་སྒུག་པའི་དུས་ཚོད་ཐུང་དུ་བཏང་།</translation>
    </message>
    <message>
        <source>请填写整改情况。</source>
        <translation>བཅོས་སྒྲིག་གི་གནས་ཚུལ་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>{year} 年 {month} 月</source>
        <translation>ལོ་ {year} ཟླ་ {month}</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} ནས་ {end} བར།</translation>
    </message>
    <message>
        <source>统计报表</source>
        <translation>བསྡོམས་རྩིས་རེའུ་མིག</translation>
    </message>
    <message>
        <source>统计报表列出每位工作人员的办件情况，只有管理员可以查看。工作台上有近期的受理、办结和评价情况。</source>
        <translation>བསྡོམས་རྩིས་རེའུ་མིག་ནང་ལས་བྱེད་པ་རེ་རེའི་ལས་དོན་གནས་ཚུལ་ཡོད་པས་དོ་དམ་པས་ཁོ་ན་ལྟ་ཆོག ལས་སྟེགས་སུ་ཉེ་ཆར་གྱི་ལེན་པ་དང་སྒྲུབ་ཚར། དཔྱད་བརྗོད་བཅས་ཀྱི་གནས་ཚུལ་ཡོད།</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>ཟླ་འདི།</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>ཟླ་ལྟར།</translation>
    </message>
    <message>
        <source>某一天</source>
        <translation>ཉིན་གཅིག</translation>
    </message>
    <message>
        <source>时间段</source>
        <translation>དུས་ཡུན།</translation>
    </message>
    <message>
        <source>统计期间(&amp;D)：</source>
        <translation>བསྡོམས་རྩིས་དུས་ཡུན(&amp;D):</translation>
    </message>
    <message>
        <source>月份(&amp;M)：</source>
        <translation>ཟླ་བ(&amp;M):</translation>
    </message>
    <message>
        <source>日期(&amp;T)：</source>
        <translation>ཚེས་གྲངས(&amp;T):</translation>
    </message>
    <message>
        <source>从(&amp;F)：</source>
        <translation>ནས(&amp;F):</translation>
    </message>
    <message>
        <source>到(&amp;O)：</source>
        <translation>བར(&amp;O):</translation>
    </message>
    <message>
        <source>重新统计(&amp;R)</source>
        <translation>བསྐྱར་དུ་བསྡོམས་རྩིས(&amp;R)</translation>
    </message>
    <message>
        <source>导出统计数据(&amp;X)…</source>
        <translation>བསྡོམས་རྩིས་གཞི་གྲངས་ཕྱིར་འདོན(&amp;X)…</translation>
    </message>
    <message>
        <source>导出办件清单(&amp;L)…</source>
        <translation>ལས་དོན་ཐོ་གཞུང་ཕྱིར་འདོན(&amp;L)…</translation>
    </message>
    <message>
        <source>导出好差评数据(&amp;V)…</source>
        <translation>ལེགས་ཉེས་དཔྱད་བརྗོད་ཀྱི་གཞི་གྲངས་ཕྱིར་འདོན(&amp;V)…</translation>
    </message>
    <message>
        <source>打印月度统计表(&amp;P)…</source>
        <translation>ཟླ་རེའི་བསྡོམས་རྩིས་རེའུ་མིག་པར་འདེབས(&amp;P)…</translation>
    </message>
    <message>
        <source>A4 纸的统计表，带图表，可预览、打印或保存为 PDF</source>
        <translation>A4 ཤོག་བུའི་བསྡོམས་རྩིས་རེའུ་མིག་ལ་རི་མོ་ཡོད། སྔོན་ལྟ་དང་པར་འདེབས། PDF ལ་ཉར་ཆོག</translation>
    </message>
    <message>
        <source>每日收件和办结</source>
        <translation>ཉིན་རེའི་བསྡུ་ལེན་དང་སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>近 12 个月按时办结率</source>
        <translation>ཟླ་བ་ 12 ནང་གི་དུས་ཐོག་སྒྲུབ་ཚར་བསྡུར་ཚད།</translation>
    </message>
    <message>
        <source>评价等级</source>
        <translation>དཔྱད་བརྗོད་རིམ་པ།</translation>
    </message>
    <message>
        <source>收件最多的事项（前 {n} 项）</source>
        <translation>བསྡུ་ལེན་མང་ཤོས་ཀྱི་ལས་དོན། (སྔོན་མ་ {n})</translation>
    </message>
    <message>
        <source>分项统计</source>
        <translation>རིགས་སོ་སོའི་བསྡོམས་རྩིས།</translation>
    </message>
    <message>
        <source>分组(&amp;G)：</source>
        <translation>སྡེ་ཚན(&amp;G):</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>ལས་དོན་རིགས།</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>ལས་སྒྲུབ་པ།</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>སྒེའུ་ཁུང་།</translation>
    </message>
    <message>
        <source>办理方式</source>
        <translation>སྒྲུབ་སྟངས།</translation>
    </message>
    <message>
        <source>正在统计 {period} 的数据，请稍候…</source>
        <translation>{period} གྱི་གཞི་གྲངས་བསྡོམས་རྩིས་བྱེད་བཞིན་ཡོད། ཅུང་ཙམ་སྒུག་རོགས…</translation>
    </message>
    <message>
        <source>统计没有完成：{why}</source>
        <translation>བསྡོམས་རྩིས་མ་གྲུབ: {why}</translation>
    </message>
    <message>
        <source>{period}，统计到 {today}（“当前超期”按今天计算）</source>
        <translation>{period}། {today} བར་བསྡོམས་རྩིས། (ད་ལྟའི་དུས་ཡོལ་དེ་རིང་ལྟར་རྩིས།)</translation>
    </message>
    <message>
        <source>{part} / {base} 件</source>
        <translation>{part} / {base} ལས་དོན།</translation>
    </message>
    <message>
        <source>每月收件和办结</source>
        <translation>ཟླ་རེའི་བསྡུ་ལེན་དང་སྒྲུབ་ཚར།</translation>
    </message>
    <message>
        <source>这段时间没有收件，也没有办结。</source>
        <translation>དུས་ཡུན་འདིར་བསྡུ་ལེན་དང་སྒྲུབ་ཚར་གཉིས་ཀ་མེད།</translation>
    </message>
    <message>
        <source>近 12 个月没有办结的办件。</source>
        <translation>ཟླ་བ་ 12 ནང་སྒྲུབ་ཚར་བའི་ལས་དོན་མེད།</translation>
    </message>
    <message>
        <source>没有办结的月份不画点。</source>
        <translation>སྒྲུབ་ཚར་མེད་པའི་ཟླ་བར་ཚེག་མི་འབྲི།</translation>
    </message>
    <message>
        <source>好评</source>
        <translation>དཔྱད་བརྗོད་བཟང་པོ།</translation>
    </message>
    <message>
        <source>差评</source>
        <translation>དཔྱད་བརྗོད་ངན་པ།</translation>
    </message>
    <message>
        <source>这段时间没有评价。</source>
        <translation>དུས་ཡུན་འདིར་དཔྱད་བརྗོད་མེད།</translation>
    </message>
    <message>
        <source>这段时间没有收件。</source>
        <translation>དུས་ཡུན་འདིར་བསྡུ་ལེན་མེད།</translation>
    </message>
    <message>
        <source>{name}（{login}）</source>
        <translation>{name} ({login})</translation>
    </message>
    <message>
        <source>设备 {no}</source>
        <translation>སྒྲིག་ཆས་ {no}</translation>
    </message>
    <message>
        <source>这里放不下的列：{names}。导出统计数据可以看到全部。</source>
        <translation>འདིར་མི་ཤོང་བའི་སྟར་ཕྲེང: {names}། བསྡོམས་རྩིས་གཞི་གྲངས་ཕྱིར་འདོན་ན་ཚང་མ་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <source>已导出 {rows} 行：{path}</source>
        <translation>ཕྲེང་ {rows} ཕྱིར་འདོན་ཟིན: {path}</translation>
    </message>
    <message>
        <source>（未遮盖证件号码和电话，已记入日志）</source>
        <translation>(ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་མ་སྒྲིབ། ཉིན་ཐོར་བཀོད་ཟིན།)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation>གསང་ཨང་བསྐྱར་སྒྲིག</translation>
    </message>
    <message>
        <source>为操作员 {login} 设置新密码。请当面告诉本人，并提醒其妥善保管。</source>
        <translation>བཀོལ་སྤྱོད་པ་ {login} ལ་གསང་ཨང་གསར་པ་སྒྲིག་པ། ཁོང་རང་ལ་ཐད་ཀར་བཤད་ནས་ལེགས་པར་ཉར་ཚགས་བྱེད་དགོས་པའི་དྲན་སྐུལ་གནང་རོགས།</translation>
    </message>
    <message>
        <source>设置新密码(&amp;S)</source>
        <translation>གསང་ཨང་གསར་པ་སྒྲིག(&amp;S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>མེད་པར་བཟོ།</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>处理冲突</source>
        <translation>འགལ་བ་ཐག་གཅོད།</translation>
    </message>
    <message>
        <source>下面的处理是在不同设备上分别作出的，不能同时成立。请向申请人或经办人核实后，选择保留的一项；其余的作废（仍留在办理经过中）。</source>
        <translation>གཤམ་གྱི་ལས་སྒྲུབ་དག་སྒྲིག་ཆས་མི་འདྲ་བའི་ཐོག་སོ་སོར་བྱས་པ་ཡིན་པས་དུས་མཉམ་དུ་འགྲུབ་མི་ཐུབ། རེ་ཞུ་བའམ་ལས་སྒྲུབ་པར་ཞིབ་བཤེར་བྱས་རྗེས་ཉར་རྒྱུ་གཅིག་འདེམས་རོགས། ལྷག་མ་ནུས་མེད་དུ་འགྱུར། (ལས་སྒྲུབ་བརྒྱུད་རིམ་ནང་ད་དུང་ཡོད།)</translation>
    </message>
    <message>
        <source>保留：</source>
        <translation>ཉར་བ:</translation>
    </message>
    <message>
        <source>处理说明(&amp;E)：</source>
        <translation>ཐག་གཅོད་ཀྱི་གསལ་བཤད(&amp;E):</translation>
    </message>
    <message>
        <source>请选择保留哪一项处理。</source>
        <translation>ཉར་རྒྱུའི་ལས་སྒྲུབ་གང་ཡིན་འདེམས་རོགས།</translation>
    </message>
    <message>
        <source>请填写处理说明。</source>
        <translation>ཐག་གཅོད་ཀྱི་གསལ་བཤད་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <source>差评回访</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བསྐྱར་འདྲི</translation>
    </message>
    <message>
        <source>整改后再次询问申请人的意见。回访后差评的整改回访结束，回访结果会上报平台。</source>
        <translation>བཅོས་སྒྲིག་རྗེས་རེ་ཞུ་བའི་བསམ་ཚུལ་ཡང་བསྐྱར་འདྲི། བསྐྱར་འདྲི་རྗེས་དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག་དང་བསྐྱར་འདྲི་མཇུག་རྫོགས། བསྐྱར་འདྲིའི་འབྲས་བུ་སྟེགས་བུར་སྙན་ཞུ་བྱེད།</translation>
    </message>
    <message>
        <source>回访结果(&amp;R)：</source>
        <translation>བསྐྱར་འདྲིའི་འབྲས་བུ(&amp;R):</translation>
    </message>
    <message>
        <source>回访方式(&amp;M)：</source>
        <translation>བསྐྱར་འདྲིའི་ཐབས་ལམ(&amp;M):</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>གསལ་བཤད(&amp;N):</translation>
    </message>
    <message>
        <source>可不填：申请人的意见</source>
        <translation>མ་བྲིས་ཀྱང་ཆོག: རེ་ཞུ་བའི་བསམ་ཚུལ།</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>撤销受理决定</source>
        <translation>ངོས་ལེན་གྱི་ཐག་གཅོད་རྩིས་མེད།</translation>
    </message>
    <message>
        <source>下列容缺材料已过补交期限仍未补交。撤销后办件结束，请打印撤销受理决定通知书交申请人。</source>
        <translation>གཤམ་གྱི་ཆད་ཆོག་ཡིག་ཆ་ཕྱིས་སྤྲོད་དུས་བཀག་ལས་བརྒལ་ཡང་ད་དུང་སྤྲོད་མེད། རྩིས་མེད་བཏང་རྗེས་ལས་དོན་མཇུག་རྫོགས་པས། ངོས་ལེན་རྩིས་མེད་ཀྱི་བརྡ་ཁྱབ་པར་དུ་བསྐྲུན་ནས་རེ་ཞུ་བར་སྤྲོད་རོགས།</translation>
    </message>
    <message>
        <source>撤销理由(&amp;Y)：</source>
        <translation>རྩིས་མེད་ཀྱི་རྒྱུ་མཚན(&amp;Y):</translation>
    </message>
    <message>
        <source>例如：逾期未补交容缺材料，经电话告知仍未补交</source>
        <translation>དཔེར་ན། དུས་བཀག་ལས་བརྒལ་ཡང་ཆད་ཆོག་ཡིག་ཆ་སྤྲོད་མེད། ཁ་པར་ཐོག་བརྡ་ཁྱབ་བྱས་ཀྱང་ད་དུང་སྤྲོད་མེད།</translation>
    </message>
    <message>
        <source>请填写撤销理由。</source>
        <translation>རྩིས་མེད་ཀྱི་རྒྱུ་མཚན་འབྲི་རོགས།</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <source>扫描件：{name}</source>
        <translation>བཤེར་པར: {name}</translation>
    </message>
    <message>
        <source>无法显示此扫描件。</source>
        <translation>བཤེར་པར་འདི་སྟོན་མི་ཐུབ།</translation>
    </message>
</context>
<context>
    <name>ScansDialog</name>
    <message>
        <source>扫描件 {case}</source>
        <translation>བཤེར་པར {case}</translation>
    </message>
    <message>
        <source>本办件的扫描件。查看时只在内存中解密，不另存文件。补交的材料可在这里扫描添加。</source>
        <translation>ལས་དོན་འདིའི་བཤེར་པར། ལྟ་སྐབས་ནང་གསོག་ནང་ཁོ་ནར་གསང་བ་བཀྲོལ་ཞིང་ཡིག་ཆ་གཞན་དུ་མི་ཉར། ཕྱིས་སྤྲོད་པའི་ཡིག་ཆ་འདིར་བཤེར་ནས་སྣོན་ཆོག</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>ལྟ(&amp;V)</translation>
    </message>
    <message>
        <source>添加到材料(&amp;M)：</source>
        <translation>ཡིག་ཆར་སྣོན(&amp;M):</translation>
    </message>
    <message>
        <source>添加文件(&amp;A)…</source>
        <translation>ཡིག་ཆ་སྣོན(&amp;A)…</translation>
    </message>
    <message>
        <source>从扫描仪文件夹导入(&amp;I)…</source>
        <translation>བཤེར་འཕྲུལ་གྱི་ཡིག་སྣོད་ནས་ནང་འདྲེན(&amp;I)…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>སྒོ་རྒྱག</translation>
    </message>
    <message>
        <source>{material}：{name}（{added}）</source>
        <translation>{material}: {name} ({added})</translation>
    </message>
    <message>
        <source>还没有扫描件</source>
        <translation>ད་དུང་བཤེར་པར་མེད།</translation>
    </message>
    <message>
        <source>选择扫描件</source>
        <translation>བཤེར་པར་འདེམས།</translation>
    </message>
    <message>
        <source>扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>བཤེར་པར (*.jpg *.jpeg *.png *.pdf);;ཡིག་ཆ་ཡོངས (*)</translation>
    </message>
    <message>
        <source>选择扫描仪保存文件的文件夹</source>
        <translation>བཤེར་འཕྲུལ་གྱིས་ཡིག་ཆ་ཉར་བའི་ཡིག་སྣོད་འདེམས།</translation>
    </message>
    <message>
        <source>导入扫描仪文件夹</source>
        <translation>བཤེར་འཕྲུལ་གྱི་ཡིག་སྣོད་ནང་འདྲེན།</translation>
    </message>
    <message>
        <source>把这个文件夹里的扫描件全部导入本办件的“{material}”？每个文件安全存入后，会从文件夹中删除原文件（未能导入的文件保留）。</source>
        <translation>ཡིག་སྣོད་འདིའི་བཤེར་པར་ཚང་མ་ལས་དོན་འདིའི་&quot;{material}&quot; ལ་ནང་འདྲེན་བྱེད་དམ། ཡིག་ཆ་རེ་རེ་བདེ་འཇགས་ངང་ཉར་རྗེས། ཡིག་སྣོད་ནས་མ་ཡིག་བསུབ་རྒྱུ་ཡིན། (ནང་འདྲེན་མ་ཐུབ་པའི་ཡིག་ཆ་ཉར་རྒྱུ།)</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>ནང་འདྲེན་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>已添加 {n} 个扫描件。</source>
        <translation>བཤེར་པར་ {n} སྣོན་ཟིན།</translation>
    </message>
    <message>
        <source>已从文件夹删除 {n} 个原文件。</source>
        <translation>ཡིག་སྣོད་ནས་མ་ཡིག་ {n} བསུབ་ཟིན།</translation>
    </message>
    <message>
        <source>{name}：未导入（{why}）</source>
        <translation>{name}: ནང་འདྲེན་མ་ཐུབ། ({why})</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>སྒྲིག་འགོད།</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས།</translation>
    </message>
    <message>
        <source>服务站代码</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱི་ཨང་རྟགས།</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱི་མིང་།</translation>
    </message>
    <message>
        <source>平台登记</source>
        <translation>སྟེགས་བུར་ཐོ་འགོད།</translation>
    </message>
    <message>
        <source>平台地址(&amp;H)</source>
        <translation>སྟེགས་བུའི་ས་གནས།(&amp;H)</translation>
    </message>
    <message>
        <source>登记码(&amp;C)</source>
        <translation>ཐོ་འགོད་ཨང་རྟགས།(&amp;C)</translation>
    </message>
    <message>
        <source>平台管理员给出的一次性登记码</source>
        <translation>སྟེགས་བུའི་དོ་དམ་པས་སྤྲད་པའི་ཐེངས་གཅིག་སྤྱོད་ཀྱི་ཐོ་འགོད་ཨང་རྟགས།</translation>
    </message>
    <message>
        <source>登记到平台(&amp;E)</source>
        <translation>སྟེགས་བུར་ཐོ་འགོད།(&amp;E)</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>སྒྲིག་ཆས།</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>སྒྲིག་ཆས་འདི།</translation>
    </message>
    <message>
        <source>本服务站的其他设备（最近一次与平台或中心中继联系的时间）</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་འདིའི་སྒྲིག་ཆས་གཞན་དག (ཉེ་ཆར་སྟེགས་བུ་འམ་ལྟེ་གནས་ཀྱི་བར་བརྒྱུད་དང་འབྲེལ་བ་བྱས་པའི་དུས་ཚོད།)</translation>
    </message>
    <message>
        <source>设备由平台登记；其他设备的名称和联系时间随同步更新，联系时间最多晚半小时左右。</source>
        <translation>སྒྲིག་ཆས་སྟེགས་བུས་ཐོ་འགོད་བྱེད། སྒྲིག་ཆས་གཞན་གྱི་མིང་དང་འབྲེལ་བ་བྱས་པའི་དུས་ཚོད་དུས་མཉམ་སྒྲིག་དང་བསྟུན་ནས་གསར་སྒྱུར་བྱེད། འབྲེལ་བ་བྱས་པའི་དུས་ཚོད་ཆུ་ཚོད་ཕྱེད་ཀ་ཙམ་གྱི་བར་འགྱངས་སྲིད།</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>མཐུད་ངོས།</translation>
    </message>
    <message>
        <source>界面语言(&amp;J)</source>
        <translation>མཐུད་ངོས་སྐད་ཡིག(&amp;J)</translation>
    </message>
    <message>
        <source>字号(&amp;Z)</source>
        <translation>ཡིག་གཟུགས་ཆེ་ཆུང་།(&amp;Z)</translation>
    </message>
    <message>
        <source>100 % 为标准大小，最大 200 %</source>
        <translation>100 % ནི་ཚད་ལྡན་ཆེ་ཆུང་ཡིན། ཆེས་ཆེ་བ་ 200 %</translation>
    </message>
    <message>
        <source>界面语言和字号任何操作员都可以更改，立即生效，本服务站的所有操作员共用。</source>
        <translation>མཐུད་ངོས་སྐད་ཡིག་དང་ཡིག་གཟུགས་ཆེ་ཆུང་བཀོལ་སྤྱོད་པ་སུས་ཀྱང་བསྒྱུར་ཆོག་ཅིང་འཕྲལ་མར་ནུས་པ་ཐོན། ཞབས་ཞུ་ས་ཚིགས་འདིའི་བཀོལ་སྤྱོད་པ་ཚང་མས་མཉམ་སྤྱོད་བྱེད།</translation>
    </message>
    <message>
        <source>打印与自动锁定</source>
        <translation>པར་འདེབས་དང་རང་འགུལ་ཟྭ་རྒྱག</translation>
    </message>
    <message>
        <source>打印机(&amp;P)</source>
        <translation>པར་ཆས།(&amp;P)</translation>
    </message>
    <message>
        <source>纸张(&amp;Y)</source>
        <translation>ཤོག་བུ།(&amp;Y)</translation>
    </message>
    <message>
        <source>无操作自动锁定(&amp;I)</source>
        <translation>བཀོལ་སྤྱོད་མེད་ན་རང་འགུལ་ཟྭ་རྒྱག(&amp;I)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> སྐར་མ</translation>
    </message>
    <message>
        <source>一次性告知的补正期限(&amp;G)</source>
        <translation>ཐེངས་གཅིག་བརྡ་སྤྲོད་ཀྱི་ཁ་སྐོང་དུས་བཀག(&amp;G)</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> ལས་ཉིན</translation>
    </message>
    <message>
        <source>受理时未另填补正期限的，告知书写明自当日起这么多个工作日</source>
        <translation>ངོས་ལེན་སྐབས་ཁ་སྐོང་དུས་བཀག་མ་བྲིས་ན། བརྡ་སྤྲོད་ཡི་གེར་དེ་ཉིན་ནས་བཟུང་ལས་ཉིན་འདི་ཙམ་འབྲི།</translation>
    </message>
    <message>
        <source>差评整改期限（工作日）(&amp;K)</source>
        <translation>དཔྱད་བརྗོད་ངན་པའི་བཅོས་སྒྲིག་དུས་བཀག (ལས་ཉིན)(&amp;K)</translation>
    </message>
    <message>
        <source>申请人给出差评后，本站须在这么多个工作日内整改，整改后回访</source>
        <translation>རེ་ཞུ་བས་དཔྱད་བརྗོད་ངན་པ་བྱས་རྗེས། ས་ཚིགས་འདིས་ལས་ཉིན་འདི་ཙམ་གྱི་ནང་བཅོས་སྒྲིག་བྱེད་དགོས་ལ། བཅོས་སྒྲིག་རྗེས་བསྐྱར་འདྲི་བྱེད།</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>ཉར་ཚགས།(&amp;S)</translation>
    </message>
    <message>
        <source>只有管理员可以更改打印机、纸张和自动锁定时间。</source>
        <translation>དོ་དམ་པ་ཁོ་ནས་པར་ཆས་དང་། ཤོག་བུ། རང་འགུལ་ཟྭ་རྒྱག་དུས་ཚོད་བཅས་བསྒྱུར་ཆོག</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>སྐོར།</translation>
    </message>
    <message>
        <source>构建于 {when}</source>
        <translation>བཟོས་པའི་དུས་ཚོད། {when}</translation>
    </message>
    <message>
        <source>开发版本（从源代码运行）</source>
        <translation>གསར་སྤེལ་པར་གཞི། (ཁུངས་ཡིག་ནས་འཁོར་སྐྱོད།)</translation>
    </message>
    <message>
        <source>便民服务台 版本 {version}，{built}
数据目录：{home}
日志：{logs}
Qt {qt} · PySide6 {pyside}</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ། པར་གཞི་ {version}, {built}
གཞི་གྲངས་དཀར་ཆག: {home}
ཉིན་ཐོ: {logs}
Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>80 毫米小票（热敏打印机）</source>
        <translation>80 mm ཤོག་བྱང་ཆུང་བ། (དྲོད་ཚོར་པར་ཆས།)</translation>
    </message>
    <message>
        <source>系统默认打印机（{name}）</source>
        <translation>མ་ལག་གི་སྔོན་སྒྲིག་པར་ཆས། ({name})</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>སྒྲིག་འགོད་བྱས་མེད།</translation>
    </message>
    <message>
        <source>{name}（未连接）</source>
        <translation>{name} (འབྲེལ་མཐུད་མེད།)</translation>
    </message>
    <message>
        <source>已登记，平台地址 {url}</source>
        <translation>ཐོ་འགོད་ཟིན། སྟེགས་བུའི་ས་གནས་ {url}</translation>
    </message>
    <message>
        <source>尚未登记到平台，办件只保存在本机。</source>
        <translation>ད་དུང་སྟེགས་བུར་ཐོ་འགོད་བྱས་མེད། ལས་དོན་གློག་ཀླད་འདིར་ཁོ་ན་ཉར་ཡོད།</translation>
    </message>
    <message>
        <source>{name}（编号 {number}）</source>
        <translation>{name} (ཨང་གྲངས་ {number})</translation>
    </message>
    <message>
        <source>{name}（编号 {number}，{role}）</source>
        <translation>{name} (ཨང་གྲངས་ {number}། {role})</translation>
    </message>
    <message>
        <source>已注销（{when}），不再同步</source>
        <translation>ཐོ་འགོད་མེད་པར་བཟོས་ཟིན། ({when}) ད་ནས་དུས་མཉམ་སྒྲིག་མི་བྱེད།</translation>
    </message>
    <message>
        <source>最近联系：{when}</source>
        <translation>ཉེ་ཆར་འབྲེལ་བ་བྱས་པ: {when}</translation>
    </message>
    <message>
        <source>从未联系</source>
        <translation>ནམ་ཡང་འབྲེལ་བ་བྱས་མེད།</translation>
    </message>
    <message>
        <source>平台尚未列出本服务站的其他设备（登记并同步后显示）。</source>
        <translation>སྟེགས་བུས་ད་དུང་ཞབས་ཞུ་ས་ཚིགས་འདིའི་སྒྲིག་ཆས་གཞན་གསལ་བཤད་བྱས་མེད། (ཐོ་འགོད་དང་དུས་མཉམ་སྒྲིག་བྱས་རྗེས་མངོན།)</translation>
    </message>
    <message>
        <source>已保存。藏文界面的翻译文件缺失，界面暂时仍显示中文。</source>
        <translation>ཉར་ཚགས་བྱས་ཟིན། བོད་ཡིག་མཐུད་ངོས་ཀྱི་ཡིག་སྒྱུར་ཡིག་ཆ་མི་འདུག་པས། མཐུད་ངོས་གནས་སྐབས་རྒྱ་ཡིག་ཏུ་མངོན།</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>ཉར་ཚགས་བྱས་ཟིན།</translation>
    </message>
    <message>
        <source>请填写平台地址和登记码。</source>
        <translation>སྟེགས་བུའི་ས་གནས་དང་ཐོ་འགོད་ཨང་རྟགས་འབྲི་རོགས།</translation>
    </message>
    <message>
        <source>正在登记…</source>
        <translation>ཐོ་འགོད་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>已登记到平台，可以同步了。</source>
        <translation>སྟེགས་བུར་ཐོ་འགོད་བྱས་ཟིན། དུས་མཉམ་སྒྲིག་བྱེད་ཆོག</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>正在准备演示服务站…</source>
        <translation>དཔེ་སྟོན་ཞབས་ཞུ་ས་ཚིགས་གྲ་སྒྲིག་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>便民服务台</source>
        <translation>མང་ཚོགས་སྟབས་བདེའི་ཞབས་ཞུ་སྒྲོམ།</translation>
    </message>
    <message>
        <source>只在第一次运行时准备，约需几秒钟；所有群众信息均为虚构。</source>
        <translation>ཐེངས་དང་པོར་འཁོར་སྐྱོད་བྱེད་སྐབས་ཁོ་ནར་གྲ་སྒྲིག་བྱེད་ཅིང་སྐར་ཆ་འགའ་ཙམ་དགོས། མང་ཚོགས་ཀྱི་ཆ་འཕྲིན་ཚང་མ་བཟོ་བཅོས་ཡིན།</translation>
    </message>
    <message>
        <source>正在建立加密的服务站数据…</source>
        <translation>ཞབས་ཞུ་ས་ཚིགས་ཀྱི་གསང་སྡོམ་གཞི་གྲངས་འཛུགས་བཞིན་པ…</translation>
    </message>
    <message>
        <source>正在导入事项目录…</source>
        <translation>དོན་ཚན་དཀར་ཆག་ནང་འདྲེན་བྱེད་བཞིན་པ…</translation>
    </message>
    <message>
        <source>正在生成演示办件 {done}/{total}…</source>
        <translation>དཔེ་སྟོན་ལས་དོན་བཟོ་བཞིན་པ {done}/{total}…</translation>
    </message>
    <message>
        <source>正在启动演示平台并登记服务站…</source>
        <translation>དཔེ་སྟོན་སྟེགས་བུ་འགོ་སློང་བྱས་ནས་ཞབས་ཞུ་ས་ཚིགས་ཐོ་འགོད་བྱེད་བཞིན་པ…</translation>
    </message>
</context>
<context>
    <name>SupplyDialog</name>
    <message>
        <source>补交容缺材料</source>
        <translation>ཆད་ཆོག་ཡིག་ཆ་ཕྱིས་སྤྲོད།</translation>
    </message>
    <message>
        <source>申请人补交了容缺受理时后补的材料。</source>
        <translation>རེ་ཞུ་བས་ཆད་ཆོག་ངོས་ལེན་སྐབས་ཕྱིས་སྤྲོད་རྒྱུ་ཡིན་པའི་ཡིག་ཆ་ཕྱིས་སྤྲོད་བྱས།</translation>
    </message>
    <message>
        <source>材料(&amp;M)：</source>
        <translation>ཡིག་ཆ(&amp;M):</translation>
    </message>
    <message>
        <source>形式(&amp;F)：</source>
        <translation>རྣམ་པ(&amp;F):</translation>
    </message>
    <message>
        <source>份数(&amp;N)：</source>
        <translation>ཚན་གྲངས(&amp;N):</translation>
    </message>
    <message>
        <source>没有待补交的材料。</source>
        <translation>ཕྱིས་སྤྲོད་སྒུག་པའི་ཡིག་ཆ་མེད།</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>正在读取同步状态…</source>
        <translation>དུས་མཉམ་སྒྲིག་གི་གནས་སྟངས་ཀློག་བཞིན་པ…</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>འཕྲལ་མར་དུས་མཉམ་སྒྲིག</translation>
    </message>
    <message>
        <source>马上把待发送的记录发到平台（F5）</source>
        <translation>བསྐུར་སྒུག་གི་ཟིན་ཐོ་འཕྲལ་མར་སྟེགས་བུར་བསྐུར། (F5)</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>དུས་མཉམ་སྒྲིག་བཞིན་པ…</translation>
    </message>
    <message>
        <source>{state} · 待发送 {n} 条 · 上次成功 {last}</source>
        <translation>{state} · བསྐུར་སྒུག་ {n} · མཐའ་མའི་ལེགས་གྲུབ་ {last}</translation>
    </message>
    <message>
        <source>{state} · 待发送 {n} 条</source>
        <translation>{state} · བསྐུར་སྒུག་ {n}</translation>
    </message>
    <message>
        <source>中继已连接</source>
        <translation>བར་བརྒྱུད་འབྲེལ་མཐུད་ཟིན།</translation>
    </message>
    <message>
        <source>中继未连接</source>
        <translation>བར་བརྒྱུད་འབྲེལ་མཐུད་མེད།</translation>
    </message>
    <message>
        <source>上次同步成功：{last}</source>
        <translation>མཐའ་མའི་དུས་མཉམ་སྒྲིག་ལེགས་གྲུབ: {last}</translation>
    </message>
    <message>
        <source>中心中继（本中心各窗口经它共享办件，区域平台断开时也可以）：{state}</source>
        <translation>ལྟེ་གནས་ཀྱི་བར་བརྒྱུད། (ལྟེ་གནས་འདིའི་སྒེའུ་ཁུང་ཚང་མས་དེ་བརྒྱུད་ནས་ལས་དོན་མཉམ་སྤྱོད་བྱེད། ས་ཁུལ་གྱི་སྟེགས་བུ་ཆད་དུས་ཀྱང་ཆོག): {state}</translation>
    </message>
    <message>
        <source>被拒 {n} 条</source>
        <translation>ཕྱིར་སློག་ {n}</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>ནམ་ཡང་མེད།</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>撤回申请</source>
        <translation>རེ་ཞུ་ཕྱིར་འཐེན།</translation>
    </message>
    <message>
        <source>申请人撤回申请后，办件结束，不能再办理。</source>
        <translation>རེ་ཞུ་བས་རེ་ཞུ་ཕྱིར་འཐེན་རྗེས་ལས་དོན་མཇུག་རྫོགས་ཏེ་ཡང་བསྐྱར་སྒྲུབ་མི་ཆོག</translation>
    </message>
    <message>
        <source>撤回原因(&amp;W)：</source>
        <translation>ཕྱིར་འཐེན་རྒྱུ་མཚན(&amp;W):</translation>
    </message>
    <message>
        <source>例如：申请人主动撤回</source>
        <translation>དཔེར་ན། རེ་ཞུ་བས་རང་འགུལ་གྱིས་ཕྱིར་འཐེན།</translation>
    </message>
    <message>
        <source>请填写撤回原因。</source>
        <translation>ཕྱིར་འཐེན་གྱི་རྒྱུ་མཚན་འབྲི་རོགས།</translation>
    </message>
</context>
</TS>
