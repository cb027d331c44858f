const ExcelJS=require('exceljs');const fs=require('fs');
(async()=>{for(const f of fs.readdirSync('examples/bao-cao')){const wb=new ExcelJS.Workbook();await wb.xlsx.readFile('examples/bao-cao/'+f);
wb.eachSheet(ws=>ws.eachRow((r,i)=>r.eachCell((c)=>{const v=c.value;if(v&&typeof v==='object'&&('formula' in v||'sharedFormula' in v))console.log(f,ws.name,c.address,JSON.stringify(v))
if(c.value instanceof Date|| /ngày/.test(String(c.value)))console.log(f,c.address,c.value)})))}})()
